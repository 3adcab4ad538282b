package com.snapdesk.recovery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The candidate recovery points of one project environment (automatic and completed), sorted by
 * time, answering neighbour queries by binary search. Immutable; build once per inventory load.
 *
 * <p>Several candidates taken at the same instant are collapsed to one so that both neighbour
 * queries see the same point: the one in the standard storage tier (faster to retrieve than the
 * archive), then the smallest id. The others stay in the catalog and an agent may still pick them.
 */
public final class CandidateIndex {

  private static final CandidateIndex EMPTY = new CandidateIndex(new long[0], new int[0], new RecoveryPoint[0]);

  /** Order within one instant: the preferred point first. */
  private static final Comparator<RecoveryPoint> ORDER = Comparator
      .comparing(RecoveryPoint::createdAt)
      .thenComparing(p -> p.storageTier() == RecoveryPoint.StorageTier.STANDARD ? 0 : 1)
      .thenComparing(RecoveryPoint::id);

  // Times as primitive arrays: a search touches a few contiguous cache lines, not scattered Instants.
  private final long[] seconds;
  private final int[] nanos;
  private final RecoveryPoint[] points;

  private CandidateIndex(long[] seconds, int[] nanos, RecoveryPoint[] points) {
    this.seconds = seconds;
    this.nanos = nanos;
    this.points = points;
  }

  public static CandidateIndex empty() {
    return EMPTY;
  }

  /** Indexes the candidates among these points; other points are ignored. */
  public static CandidateIndex of(Collection<RecoveryPoint> points) {
    List<RecoveryPoint> candidates = new ArrayList<>(points.size());
    for (RecoveryPoint p : points) if (p.isCandidate()) candidates.add(p);
    if (candidates.isEmpty()) return EMPTY;
    candidates.sort(ORDER);
    List<RecoveryPoint> distinct = new ArrayList<>(candidates.size());
    for (RecoveryPoint p : candidates) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).createdAt().equals(p.createdAt())) distinct.add(p);
    }
    RecoveryPoint[] array = distinct.toArray(RecoveryPoint[]::new);
    long[] seconds = new long[array.length];
    int[] nanos = new int[array.length];
    for (int i = 0; i < array.length; i++) {
      seconds[i] = array[i].createdAt().getEpochSecond();
      nanos[i] = array[i].createdAt().getNano();
    }
    return new CandidateIndex(seconds, nanos, array);
  }

  /** Both neighbours of an instant with one search: what resolution needs. */
  public Neighbours neighbours(Instant instant) {
    int i = upperBound(instant);
    return new Neighbours(i > 0 ? points[i - 1] : null, i < points.length ? points[i] : null);
  }

  /** The latest candidate at or before the instant. */
  public Optional<RecoveryPoint> floor(Instant instant) {
    int i = upperBound(instant) - 1;
    return i >= 0 ? Optional.of(points[i]) : Optional.empty();
  }

  /** The earliest candidate strictly after the instant. */
  public Optional<RecoveryPoint> higher(Instant instant) {
    int i = upperBound(instant);
    return i < points.length ? Optional.of(points[i]) : Optional.empty();
  }

  public Optional<RecoveryPoint> oldest() {
    return points.length > 0 ? Optional.of(points[0]) : Optional.empty();
  }

  public Optional<RecoveryPoint> newest() {
    return points.length > 0 ? Optional.of(points[points.length - 1]) : Optional.empty();
  }

  /** Number of indexed points (after collapsing same-instant duplicates). */
  public int size() {
    return points.length;
  }

  public boolean isEmpty() {
    return points.length == 0;
  }

  /** The indexed points, oldest first. */
  public List<RecoveryPoint> points() {
    return List.copyOf(Arrays.asList(points));
  }

  /**
   * @param before latest candidate at or before the instant, or null
   * @param after  earliest candidate strictly after it, or null
   */
  public record Neighbours(RecoveryPoint before, RecoveryPoint after) {}

  /** Index of the first point created strictly after the instant (points.length if none). */
  private int upperBound(Instant instant) {
    long s = instant.getEpochSecond();
    int n = instant.getNano();
    int low = 0;
    int high = seconds.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (seconds[mid] < s || (seconds[mid] == s && nanos[mid] <= n)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
