package com.snapdesk.recovery;

import com.snapdesk.shared.TimeText;
import com.snapdesk.recovery.RetentionProperties.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retention schedule of automatic backups: how many are kept at which age.
 *
 * <p>It is versioned configuration rather than code because the vendor has changed it: an older
 * published version kept each backup for days 1–3, one per day for days 4–6 and one per month for
 * weeks 12–22. The policy explains gaps and out-of-retention requests and shapes demo data;
 * resolution always uses the recovery points that actually exist.
 *
 * <p>Tiers cover half-open age ranges {@code [fromAge, toAge)} and must not overlap; ages between
 * two tiers (week 7 in the current schedule) are {@link BetweenTiers}, ages from the end of the last
 * tier on are {@link BeyondRetention}. Negative ages (a moment up to the clock skew in the future)
 * count as age zero.
 */
public final class RetentionPolicy {

  private final String version;
  private final List<Tier> tiers;

  public RetentionPolicy(RetentionProperties properties) {
    Objects.requireNonNull(properties, "properties");
    if (properties.version() == null || properties.version().isBlank())
      throw new IllegalArgumentException("snapdesk.retention.version must not be blank");
    if (properties.tiers() == null || properties.tiers().isEmpty())
      throw new IllegalArgumentException("snapdesk.retention.tiers must list at least one tier");
    this.version = properties.version();
    this.tiers = sortedAndChecked(properties.tiers());
  }

  public static RetentionPolicy defaults() {
    return new RetentionPolicy(RetentionProperties.defaults());
  }

  public String version() {
    return version;
  }

  /** The tiers, youngest first. */
  public List<Tier> tiers() {
    return tiers;
  }

  /** The age from which no backup is kept any more (the end of the last tier). */
  public Duration maxAge() {
    return tiers.get(tiers.size() - 1).toAge();
  }

  /** The tier covering this age; empty both between tiers and beyond retention (see {@link #place}). */
  public Optional<Tier> tierFor(Duration age) {
    return place(age) instanceof InTier in ? Optional.of(in.tier()) : Optional.empty();
  }

  public boolean isBeyondRetention(Duration age) {
    return place(age) instanceof BeyondRetention;
  }

  /** Where an age falls in the schedule: in a tier, in a gap between two tiers, or beyond it. */
  public Placement place(Duration age) {
    Duration a = age.isNegative() ? Duration.ZERO : age;
    Tier younger = null;
    for (Tier tier : tiers) { // a handful of tiers: a scan beats anything clever
      if (a.compareTo(tier.fromAge()) < 0) return new BetweenTiers(younger, tier);
      if (a.compareTo(tier.toAge()) < 0) return new InTier(tier);
      younger = tier;
    }
    return new BeyondRetention(maxAge());
  }

  /** The schedule as customers see it, youngest first. */
  public List<Row> rows() {
    return tiers.stream().map(t -> new Row(t.label(), keptText(t))).toList();
  }

  /** The customer-facing wording of a tier, derived from keepEvery when not configured. */
  public static String keptText(Tier tier) {
    if (tier.kept() != null && !tier.kept().isBlank()) return tier.kept();
    Duration every = tier.keepEvery();
    if (every.equals(Duration.ofHours(1))) return "one per hour";
    if (every.equals(Duration.ofDays(1))) return "one per day";
    if (every.equals(Duration.ofDays(7))) return "one per week";
    return "one every " + TimeText.distance(every);
  }

  private static List<Tier> sortedAndChecked(List<Tier> configured) {
    List<Tier> sorted = new ArrayList<>(configured);
    for (int i = 0; i < sorted.size(); i++) {
      Tier t = sorted.get(i);
      String name = "snapdesk.retention.tiers[" + i + "]";
      if (t == null || t.label() == null || t.fromAge() == null || t.toAge() == null || t.keepEvery() == null)
        throw new IllegalArgumentException(name + " needs label, from-age, to-age and keep-every");
      if (t.fromAge().isNegative())
        throw new IllegalArgumentException(name + " ('" + t.label() + "') starts at a negative age");
      if (t.toAge().compareTo(t.fromAge()) <= 0)
        throw new IllegalArgumentException(name + " ('" + t.label() + "') must end after it starts");
      if (t.keepEvery().isNegative() || t.keepEvery().isZero())
        throw new IllegalArgumentException(name + " ('" + t.label() + "') needs a positive keep-every");
    }
    sorted.sort(Comparator.comparing(Tier::fromAge));
    for (int i = 1; i < sorted.size(); i++) {
      Tier previous = sorted.get(i - 1);
      Tier next = sorted.get(i);
      if (next.fromAge().compareTo(previous.toAge()) < 0)
        throw new IllegalArgumentException("snapdesk.retention: tier '" + next.label() + "' starts at "
            + TimeText.distance(next.fromAge()) + ", before tier '" + previous.label() + "' ends at "
            + TimeText.distance(previous.toAge()));
    }
    return List.copyOf(sorted);
  }

  /** A row of the customer-facing table: the age range and what is kept. */
  public record Row(String age, String kept) {}

  public sealed interface Placement permits InTier, BetweenTiers, BeyondRetention {}

  public record InTier(Tier tier) implements Placement {}

  /** In a gap of the schedule; {@code younger} is null when the first tier starts after age zero. */
  public record BetweenTiers(Tier younger, Tier older) implements Placement {}

  public record BeyondRetention(Duration maxAge) implements Placement {}
}
