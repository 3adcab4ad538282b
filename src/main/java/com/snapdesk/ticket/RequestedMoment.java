package com.snapdesk.ticket;

import com.snapdesk.shared.TimeText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The moment the customer asked for, as they said it (date, time, zone) and as it was understood
 * (offset, instant). {@code ambiguous} marks a local time that happens twice; {@code earlierOffsetAssumed}
 * says we picked the earlier of the two because the customer gave no offset.
 */
public record RequestedMoment(LocalDate date, LocalTime time, ZoneId zone, ZoneOffset offset, Instant instant,
                              boolean ambiguous, boolean earlierOffsetAssumed) {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  public RequestedMoment {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(offset, "offset");
    Objects.requireNonNull(instant, "instant");
    // Only arithmetic is checked, not the zone rules: a stored ticket must still load after a tzdb update.
    if (!LocalDateTime.of(date, time).toInstant(offset).equals(instant)) {
      throw new IllegalArgumentException(date + " " + time + offset + " is not " + instant);
    }
    if (earlierOffsetAssumed && !ambiguous) {
      throw new IllegalArgumentException("an offset can only be assumed for a local time that happens twice");
    }
  }

  public LocalDateTime localDateTime() {
    return LocalDateTime.of(date, time);
  }

  /** {@code 2026-11-20 14:30 EST (UTC−05:00)}. */
  public String localText() {
    return TimeText.local(instant, zone);
  }

  /** {@code 2026-11-20 19:30 UTC}. */
  public String utcText() {
    return TimeText.utc(instant);
  }

  /**
   * For a local time that happens twice, how we read it, for the status page and every email; the
   * phrase "interpreted as 01:30 EDT, UTC−04:00" is the contract.
   */
  public Optional<String> interpretationNote() {
    if (!ambiguous) return Optional.empty();
    String clock = time.format(CLOCK);
    String head = clock + " on " + date + " happens twice in " + zone.getId() + "; interpreted as " + reading(offset);
    if (!earlierOffsetAssumed) return Optional.of(head + ", as you chose.");
    Optional<ZoneOffset> other = zone.getRules().getValidOffsets(localDateTime()).stream()
        .filter(o -> !o.equals(offset))
        .findFirst();
    return Optional.of(head + " (the earlier of the two)."
        + other.map(o -> " Tell us if you meant " + reading(o) + ".").orElse(""));
  }

  /** Both offsets of a local time that happens twice, earlier instant first; otherwise just the one. */
  public List<ZoneOffset> possibleOffsets() {
    return ambiguous ? zone.getRules().getValidOffsets(localDateTime()) : List.of(offset);
  }

  /** {@code 01:30 EDT, UTC−04:00}: this local time read with the given offset. */
  public String reading(ZoneOffset candidate) {
    Instant at = localDateTime().toInstant(candidate);
    return time.format(CLOCK) + TimeText.abbreviation(at, zone).map(a -> " " + a).orElse("")
        + ", " + TimeText.offset(candidate);
  }
}
