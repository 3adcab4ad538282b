package com.snapdesk.recovery;

import java.time.Duration;

/** Durations in words people read in emails and tables ("2 days 4 h", "35 min"). */
public final class Durations {
  private Durations() {}

  public static String describe(Duration duration) {
    Duration d = duration.abs();
    long days = d.toDays();
    int hours = d.toHoursPart();
    int minutes = d.toMinutesPart();
    if (days > 0) return plural(days, "day") + (hours > 0 ? " " + hours + " h" : "");
    if (hours > 0) return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
    if (minutes > 0) return minutes + " min";
    return d.toSecondsPart() + " s";
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
