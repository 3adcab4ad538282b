package com.snapdesk.ticket.intake;

import static java.util.Map.entry;

import com.snapdesk.shared.TimeText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads what a customer typed as a time zone or a UTC offset; either a value or a message for them. */
final class ZoneInput {

  record Parsed<T>(T value, String error) {
    static <T> Parsed<T> ok(T value) { return new Parsed<>(value, null); }
    static <T> Parsed<T> error(String error) { return new Parsed<>(null, error); }
    boolean isOk() { return error == null; }
    <R> Parsed<R> map(Function<T, R> f) { return isOk() ? ok(f.apply(value)) : error(error); }
  }

  static final String EXAMPLES = "an IANA time zone such as America/New_York, UTC, or a UTC offset such as +05:30";

  // +05:30, -03:00, +0530, -3, UTC+05:30, GMT-3, and the U+2212 minus we print ourselves (people paste it back).
  private static final Pattern OFFSET =
      Pattern.compile("(?:(?:UTC|GMT|UT)\\s*)?([+\\-\u2212])\\s*(\\d{1,2})(?::?(\\d{2}))?", Pattern.CASE_INSENSITIVE);
  // Etc/GMT+5 is UTC−05:00 (POSIX inverts the sign): valid IANA, and a trap.
  private static final Pattern INVERTED_ETC = Pattern.compile("etc/gmt([+-])(\\d{1,2})", Pattern.CASE_INSENSITIVE);
  private static final int MIN_OFFSET_HOURS = -12;
  private static final int MAX_OFFSET_HOURS = 14;

  // Abbreviations name different places or ignore daylight saving (EST in July is not New York's time),
  // so they are refused with the IANA zone to use. Covers ZoneId.SHORT_IDS, the tzdb's own legacy
  // ids such as CET and EST5EDT, and what people commonly type.
  private static final Map<String, String> ABBREVIATIONS = abbreviations();

  private static final Map<String, String> IDS_BY_KEY = ZoneId.getAvailableZoneIds().stream()
      .collect(Collectors.toMap(ZoneInput::key, Function.identity()));
  private static final Map<String, List<String>> IDS_BY_PLACE = ZoneId.getAvailableZoneIds().stream()
      .filter(id -> id.contains("/") && !id.regionMatches(true, 0, "Etc/", 0, 4))
      .collect(Collectors.groupingBy(id -> key(id.substring(id.lastIndexOf('/') + 1))));

  private ZoneInput() {}

  static Parsed<ZoneId> zone(String text) {
    String t = text.strip();
    if (OFFSET.matcher(t).matches()) return offset(t).map(o -> (ZoneId) o);
    if (t.equalsIgnoreCase("Z")) return Parsed.ok(ZoneId.of("UTC"));
    String hint = ABBREVIATIONS.get(t.toUpperCase(Locale.ROOT));
    if (hint != null) {
      return Parsed.error("\"" + t + "\" is a time zone abbreviation, which can be ambiguous and may not follow "
          + "daylight saving changes. Use the IANA time zone instead, e.g. " + hint + ".");
    }
    Matcher inverted = INVERTED_ETC.matcher(t);
    if (inverted.matches() && Integer.parseInt(inverted.group(2)) != 0 && IDS_BY_KEY.containsKey(key(t))) {
      ZoneOffset actual = ZoneId.of(IDS_BY_KEY.get(key(t))).getRules().getOffset(Instant.EPOCH);
      String asWritten = inverted.group(1) + String.format(Locale.ROOT, "%02d:00", Integer.parseInt(inverted.group(2)));
      return Parsed.error("\"" + t + "\" means " + TimeText.offset(actual) + " because these ids invert the sign. "
          + "Write the offset you mean instead, e.g. " + asWritten + " or " + actual.getId() + ".");
    }
    String id = IDS_BY_KEY.get(key(t));
    if (id != null) return Parsed.ok(ZoneId.of(id));
    List<String> places = IDS_BY_PLACE.getOrDefault(key(t.substring(t.lastIndexOf('/') + 1)), List.of());
    String didYouMean = places.size() == 1 ? " Did you mean " + places.get(0) + "?" : "";
    return Parsed.error("Unknown time zone \"" + t + "\"." + didYouMean + " Use " + EXAMPLES + ".");
  }

  /** An offset like {@code -05:00}; UTC, GMT and Z mean +00:00. */
  static Parsed<ZoneOffset> offset(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase("Z") || t.equalsIgnoreCase("UTC") || t.equalsIgnoreCase("GMT")) {
      return Parsed.ok(ZoneOffset.UTC);
    }
    Matcher m = OFFSET.matcher(t);
    if (!m.matches()) {
      return Parsed.error("\"" + t + "\" is not a UTC offset; write it like -05:00 or +05:30.");
    }
    int sign = m.group(1).equals("+") ? 1 : -1;
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    int signedHours = sign * hours;
    if (minutes > 59 || signedHours < MIN_OFFSET_HOURS || signedHours > MAX_OFFSET_HOURS
        || (signedHours == MAX_OFFSET_HOURS || signedHours == MIN_OFFSET_HOURS) && minutes > 0) {
      return Parsed.error("\"" + t + "\" is not a UTC offset in use anywhere; offsets run from "
          + "\u221212:00 to +14:00.");
    }
    try {
      return Parsed.ok(ZoneOffset.ofHoursMinutes(signedHours, sign * minutes));
    } catch (DateTimeException e) {
      return Parsed.error("\"" + t + "\" is not a UTC offset; write it like -05:00 or +05:30.");
    }
  }

  private static String key(String text) {
    return text.strip().replace(' ', '_').toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> abbreviations() {
    Map<String, String> hints = new HashMap<>(Map.ofEntries(
        entry("EST", "America/New_York"), entry("EDT", "America/New_York"), entry("ET", "America/New_York"),
        entry("EST5EDT", "America/New_York"),
        entry("CST", "America/Chicago (US Central), Asia/Shanghai (China) or America/Havana (Cuba)"),
        entry("CDT", "America/Chicago"), entry("CT", "America/Chicago"), entry("CST6CDT", "America/Chicago"),
        entry("MST", "America/Denver, or America/Phoenix (Arizona, no daylight saving)"),
        entry("MDT", "America/Denver"), entry("MT", "America/Denver"), entry("MST7MDT", "America/Denver"),
        entry("PST", "America/Los_Angeles"), entry("PDT", "America/Los_Angeles"),
        entry("PT", "America/Los_Angeles"), entry("PST8PDT", "America/Los_Angeles"),
        entry("AKST", "America/Anchorage"), entry("AKDT", "America/Anchorage"),
        entry("HST", "Pacific/Honolulu"), entry("HDT", "America/Adak"),
        entry("AST", "America/Halifax (Atlantic), America/Puerto_Rico or Asia/Riyadh (Arabia)"),
        entry("ADT", "America/Halifax"),
        entry("NST", "America/St_Johns"), entry("NDT", "America/St_Johns"), entry("CNT", "America/St_Johns"),
        entry("BST", "Europe/London (British Summer Time) or Asia/Dhaka (Bangladesh)"),
        entry("IST", "Asia/Kolkata (India), Europe/Dublin (Ireland) or Asia/Jerusalem (Israel)"),
        entry("WET", "Europe/Lisbon"), entry("WEST", "Europe/Lisbon"),
        entry("CET", "Europe/Berlin or Europe/Paris"), entry("CEST", "Europe/Berlin or Europe/Paris"),
        entry("MET", "Europe/Berlin or Europe/Paris"), entry("MEST", "Europe/Berlin or Europe/Paris"),
        entry("ECT", "Europe/Paris, or America/Guayaquil (Ecuador)"),
        entry("EET", "Europe/Athens or Europe/Helsinki"), entry("EEST", "Europe/Athens or Europe/Helsinki"),
        entry("ART", "America/Argentina/Buenos_Aires, or Africa/Cairo (Egypt)"),
        entry("AGT", "America/Argentina/Buenos_Aires"),
        entry("MSK", "Europe/Moscow"), entry("SAST", "Africa/Johannesburg"), entry("CAT", "Africa/Maputo"),
        entry("EAT", "Africa/Nairobi"), entry("WAT", "Africa/Lagos"), entry("NET", "Asia/Yerevan"),
        entry("PKT", "Asia/Karachi"), entry("PLT", "Asia/Karachi"), entry("NPT", "Asia/Kathmandu"),
        entry("ICT", "Asia/Bangkok or Asia/Ho_Chi_Minh"), entry("VST", "Asia/Ho_Chi_Minh"),
        entry("WIB", "Asia/Jakarta"), entry("SGT", "Asia/Singapore"), entry("HKT", "Asia/Hong_Kong"),
        entry("PHT", "Asia/Manila"), entry("CTT", "Asia/Shanghai"), entry("JST", "Asia/Tokyo"),
        entry("KST", "Asia/Seoul"), entry("AWST", "Australia/Perth"),
        entry("ACST", "Australia/Adelaide, or Australia/Darwin (no daylight saving)"),
        entry("ACDT", "Australia/Adelaide"), entry("ACT", "Australia/Darwin or Australia/Adelaide"),
        entry("AEST", "Australia/Sydney, or Australia/Brisbane (no daylight saving)"),
        entry("AEDT", "Australia/Sydney"), entry("AET", "Australia/Sydney"),
        entry("LHST", "Australia/Lord_Howe"), entry("LHDT", "Australia/Lord_Howe"),
        entry("NZST", "Pacific/Auckland"), entry("NZDT", "Pacific/Auckland"), entry("NZT", "Pacific/Auckland"),
        entry("CHAST", "Pacific/Chatham"), entry("CHADT", "Pacific/Chatham"),
        entry("SST", "Pacific/Pago_Pago (Samoa) or Pacific/Guadalcanal (Solomon Islands)"),
        entry("MIT", "Pacific/Apia"), entry("BRT", "America/Sao_Paulo"), entry("BET", "America/Sao_Paulo"),
        entry("IET", "America/Indiana/Indianapolis"), entry("PNT", "America/Phoenix"),
        entry("PRT", "America/Puerto_Rico")));
    // Whatever a future JDK adds to SHORT_IDS is refused too, with the JDK's own mapping as the hint.
    ZoneId.SHORT_IDS.forEach((abbr, id) -> hints.putIfAbsent(abbr, id));
    return Map.copyOf(hints);
  }
}
