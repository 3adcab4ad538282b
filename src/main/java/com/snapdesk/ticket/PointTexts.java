package com.snapdesk.ticket;

import com.snapdesk.shared.TimeText;
import java.time.Duration;
import java.time.Instant;

/** How a recovery point relates to the requested moment, in the same words everywhere. */
public final class PointTexts {
  private PointTexts() {}

  public static String relation(Instant requested, Instant point) {
    Duration d = Duration.between(requested, point);
    if (d.isZero()) return "exactly at the requested time";
    return TimeText.distance(d) + (d.isNegative() ? " before" : " after") + " the requested time";
  }
}
