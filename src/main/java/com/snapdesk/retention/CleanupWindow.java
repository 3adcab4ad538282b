package com.snapdesk.retention;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nightly window in which cleanups run, read as Camunda reads its history cleanup batch window: {@code HH:mm}
 * in the JVM's default zone, or {@code HH:mmZ} with an offset such as {@code 01:00+0100}. A window whose end is
 * before its start runs past midnight; start equal to end means all day, as in Camunda.
 */
public record CleanupWindow(LocalTime start, LocalTime end, ZoneId zone) {

  private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2})([+-]\\d{4})?");

  public CleanupWindow {
    if (start == null || end == null || zone == null) {
      throw new IllegalArgumentException("a cleanup window needs a start, an end and a zone");
    }
  }

  /** The window as Camunda's {@code history-cleanup-batch-window-start-time} and {@code -end-time} give it. */
  public static CleanupWindow parse(String start, String end, ZoneId defaultZone) {
    Matcher s = match(start, "start");
    Matcher e = match(end, "end");
    ZoneId startZone = s.group(2) == null ? defaultZone : ZoneOffset.of(s.group(2));
    ZoneId endZone = e.group(2) == null ? defaultZone : ZoneOffset.of(e.group(2));
    if (!startZone.equals(endZone)) {
      throw new IllegalArgumentException("the cleanup window's start (" + start + ") and end (" + end
          + ") must be in the same zone");
    }
    return new CleanupWindow(LocalTime.parse(s.group(1)), LocalTime.parse(e.group(1)), startZone);
  }

  private static Matcher match(String value, String which) {
    Matcher m = value == null ? null : TIME.matcher(value.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("the cleanup window's " + which + " time must be HH:mm or HH:mm+hhmm, not '"
          + value + "'");
    }
    try {
      LocalTime.parse(m.group(1));
    } catch (DateTimeParseException bad) {
      throw new IllegalArgumentException("the cleanup window's " + which + " time is not a time of day: '" + value + "'");
    }
    return m;
  }

  /** Whether {@code instant} falls in the window: from start (inclusive) to end (exclusive). */
  public boolean contains(Instant instant) {
    LocalTime time = instant.atZone(zone).toLocalTime();
    if (start.equals(end)) return true;
    if (start.isBefore(end)) return !time.isBefore(start) && time.isBefore(end);
    return !time.isBefore(start) || time.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "–" + end + " " + zone;
  }
}
