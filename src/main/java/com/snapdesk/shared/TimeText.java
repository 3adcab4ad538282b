package com.snapdesk.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place times are turned into text for people (emails, status page, API, forms).
 * Times are shown to the minute, truncated, so a point at 14:30:40 reads "14:30".
 */
public final class TimeText {

  /** U+2212, as in the contract's "UTC−04:00"; an ASCII hyphen reads like a dash in prose. */
  public static final char MINUS = '\u2212';

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.US);
  private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.US);
  private static final Pattern OFFSET_IN_DISGUISE = Pattern.compile("(GMT|UTC)[+\\-\u2212].*");

  private TimeText() {}

  /** {@code 2026-11-20 14:30 EST (UTC−05:00)}; {@code 2026-11-20 14:30 UTC+05:30} for fixed offsets. */
  public static String local(Instant instant, ZoneId zone) {
    var at = instant.atZone(zone);
    return at.format(DATE_TIME) + " " + zoneLabel(instant, zone);
  }

  /** {@code EST (UTC−05:00)}, or just {@code UTC} / {@code UTC+05:30} where the zone has no name of its own. */
  public static String zoneLabel(Instant instant, ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(instant);
    return abbreviation(instant, zone)
        .map(abbr -> abbr + " (" + offset(offset) + ")")
        .orElseGet(() -> offset.getTotalSeconds() == 0 ? "UTC" : offset(offset));
  }

  /** {@code 2026-11-20 19:30 UTC}. */
  public static String utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).format(DATE_TIME) + " UTC";
  }

  /** {@code UTC−05:00}, {@code UTC+05:30}, {@code UTC+00:00}. */
  public static String offset(ZoneOffset offset) {
    // by hand rather than String.format: every time shown to a person comes through here, several per email
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    var text = new StringBuilder(12).append("UTC").append(total < 0 ? MINUS : '+');
    twoDigits(text, abs / 3600).append(':');
    twoDigits(text, abs / 60 % 60);
    if (abs % 60 != 0) twoDigits(text.append(':'), abs % 60);
    return text.toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /**
   * {@code 0 min}, {@code 45 min}, {@code 2 h 15 min}, {@code 3 d 4 h}: the absolute value, truncated to
   * the smallest unit shown, so it agrees with times shown to the minute.
   */
  public static String distance(Duration duration) {
    long minutes = duration.abs().toMinutes();
    if (minutes < 60) return minutes + " min";
    long hours = minutes / 60;
    if (hours < 24) return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }

  /** ISO-8601 with the local offset, for machines: {@code 2026-11-20T14:30:00-05:00}. */
  public static String isoOffsetText(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * The zone's short name at that instant (EST/EDT, CET/CEST, IST, LHDT); empty for fixed offsets and
   * for zones Java only knows as "GMT+03:00", which would merely repeat the offset.
   */
  public static Optional<String> abbreviation(Instant instant, ZoneId zone) {
    if (zone.getRules().isFixedOffset()) return Optional.empty();
    String name = instant.atZone(zone).format(ABBREVIATION);
    boolean offsetInDisguise = OFFSET_IN_DISGUISE.matcher(name).matches();
    return name.isBlank() || offsetInDisguise ? Optional.empty() : Optional.of(name);
  }
}
