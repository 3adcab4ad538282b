package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Finds the recovery point for a requested moment among the candidates that actually exist
 * (automatic, completed; archived ones included): one binary search per request.
 */
public final class RecoveryPointResolver {

  private final RecoveryPointCatalog catalog;
  private final RetentionPolicy retention;
  private final Clock clock;

  public RecoveryPointResolver(RecoveryPointCatalog catalog, RetentionPolicy retention, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Resolves with {@link ResolutionPolicy#NEAREST} when {@code policy} is null (the default). */
  public Resolution resolve(String projectId, Environment environment, Instant requested, ResolutionPolicy policy) {
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(requested, "requested");
    ResolutionPolicy effective = policy == null ? ResolutionPolicy.NEAREST : policy;

    CandidateIndex index = catalog.candidates(projectId, environment);
    CandidateIndex.Neighbours neighbours = index.neighbours(requested);
    RecoveryPoint before = neighbours.before();
    RecoveryPoint after = neighbours.after();
    Duration beforeDistance = before == null ? null : Duration.between(before.createdAt(), requested);
    Duration afterDistance = after == null ? null : Duration.between(requested, after.createdAt());

    RecoveryPoint chosen;
    boolean fellBack = false;
    if (effective == ResolutionPolicy.AT_OR_BEFORE) {
      chosen = before != null ? before : after;
      fellBack = before == null && after != null;
    } else if (before == null || after == null) {
      chosen = before != null ? before : after;
    } else {
      chosen = afterDistance.compareTo(beforeDistance) < 0 ? after : before;
    }

    RetentionPolicy.Placement placement = retention.place(Duration.between(requested, clock.instant()));
    String tier = placement instanceof RetentionPolicy.InTier in ? in.tier().label() : null;
    // Without a point at or before the moment its data cannot be had: with candidates that means the
    // moment predates the oldest one; without any, only the schedule can say it is too old.
    boolean outOfRetention = before == null
        && (after != null || placement instanceof RetentionPolicy.BeyondRetention);

    return new Resolution(projectId, environment, requested, effective, before, after, beforeDistance,
        afterDistance, chosen, fellBack, tier, placement instanceof RetentionPolicy.BetweenTiers,
        outOfRetention, index.size());
  }
}
