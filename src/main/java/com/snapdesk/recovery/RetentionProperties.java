package com.snapdesk.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The published retention schedule of automatic backups, as configuration because the vendor has
 * changed it before (see {@link RetentionPolicy}). Ages are measured from when a backup was taken;
 * each tier covers {@code [fromAge, toAge)}.
 *
 * <p>When nothing is configured under {@code snapdesk.retention} the {@link #defaults()} apply, so
 * the embedded default starts without any configuration; a partial block is validated as written.
 */
@ConfigurationProperties("snapdesk.retention")
@Validated
public record RetentionProperties(@NotBlank String version, @NotEmpty List<@Valid Tier> tiers) {

  public static final String DEFAULT_VERSION = "v2";

  // The schedule as the vendor publishes it (README, snapdesk.retention.*). Months are counted as 30 days. The vendor's
  // "month 3" would overlap "weeks 8–12", so the monthly tier starts where the fortnightly one
  // ends (day 84). Week 7 (days 43–49, ages 42d–49d) is a gap: no backup is kept for that age.
  private static final List<Tier> DEFAULT_TIERS = List.of(
      new Tier("days 1–3", Duration.ZERO, Duration.ofDays(3), Duration.ofHours(1), "one per hour"),
      new Tier("days 4–7", Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(1), "one per day"),
      new Tier("weeks 2–6", Duration.ofDays(7), Duration.ofDays(42), Duration.ofDays(7), "one per week"),
      new Tier("weeks 8–12", Duration.ofDays(49), Duration.ofDays(84), Duration.ofDays(14), "one every two weeks"),
      new Tier("months 3–5", Duration.ofDays(84), Duration.ofDays(150), Duration.ofDays(30), "one per month"));

  public RetentionProperties {
    if (version == null && tiers == null) {
      version = DEFAULT_VERSION;
      tiers = DEFAULT_TIERS;
    }
    tiers = tiers == null ? null : List.copyOf(tiers);
  }

  /** The current published schedule. */
  public static RetentionProperties defaults() {
    return new RetentionProperties(DEFAULT_VERSION, DEFAULT_TIERS);
  }

  /**
   * One row of the schedule: backups aged {@code [fromAge, toAge)} are thinned to one per
   * {@code keepEvery}. {@code kept} is the customer-facing wording; derived from keepEvery when blank.
   */
  public record Tier(@NotBlank String label, @NotNull Duration fromAge, @NotNull Duration toAge,
                     @NotNull Duration keepEvery, String kept) {}
}
