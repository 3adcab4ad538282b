package com.snapdesk.recovery.aws;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.StorageTier;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Turns EBS snapshots into recovery points: the snapshots sharing a recovery-point tag were taken together.
 * A point is as good as its worst snapshot: one in error makes it an error, one pending makes it pending, one
 * archived makes it archived. Snapshots without the tag are not part of any point (hand-made copies).
 */
final class SnapshotGrouping {

  private static final Comparator<RecoveryPoint> BY_TIME =
      Comparator.comparing(RecoveryPoint::createdAt).thenComparing(RecoveryPoint::id);

  private final AwsBackendProperties.Tags tags;

  SnapshotGrouping(AwsBackendProperties.Tags tags) {
    this.tags = tags;
  }

  /** The points of one environment, oldest first. */
  List<RecoveryPoint> points(String projectId, Environment environment, List<Snapshot> snapshots) {
    Map<String, List<Snapshot>> byPoint = new LinkedHashMap<>();
    for (Snapshot s : snapshots) {
      tag(s, tags.recoveryPoint()).ifPresent(id -> byPoint.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
    }
    List<RecoveryPoint> points = new ArrayList<>(byPoint.size());
    byPoint.forEach((id, group) -> points.add(point(id, projectId, environment, group)));
    points.sort(BY_TIME);
    return points;
  }

  private RecoveryPoint point(String id, String projectId, Environment environment, List<Snapshot> group) {
    Instant createdAt = group.stream().map(Snapshot::startTime).min(Comparator.naturalOrder()).orElseThrow();
    boolean automatic = group.stream().allMatch(s -> tag(s, tags.type()).map("automatic"::equalsIgnoreCase).orElse(false));
    RecoveryPoint.State state = RecoveryPoint.State.COMPLETED;
    for (Snapshot s : group) state = worse(state, state(s));
    boolean archived = group.stream().anyMatch(s -> s.storageTier() == StorageTier.ARCHIVE);
    List<String> snapshotIds = group.stream().map(Snapshot::snapshotId).sorted().toList();
    return new RecoveryPoint(id, projectId, environment, createdAt,
        automatic ? RecoveryPoint.Type.AUTOMATIC : RecoveryPoint.Type.MANUAL, state,
        archived ? RecoveryPoint.StorageTier.ARCHIVE : RecoveryPoint.StorageTier.STANDARD, snapshotIds);
  }

  /**
   * EC2's snapshot states on the domain's: {@code recovering} (coming back from the Recycle Bin) is pending;
   * {@code recoverable} (deleted into the Recycle Bin) cannot be used, like {@code error}.
   */
  static RecoveryPoint.State state(Snapshot s) {
    String state = s.stateAsString() == null ? "" : s.stateAsString().toLowerCase(Locale.ROOT);
    return switch (state) {
      case "completed" -> RecoveryPoint.State.COMPLETED;
      case "pending", "recovering" -> RecoveryPoint.State.PENDING;
      default -> RecoveryPoint.State.ERROR;
    };
  }

  private static RecoveryPoint.State worse(RecoveryPoint.State a, RecoveryPoint.State b) {
    if (a == RecoveryPoint.State.ERROR || b == RecoveryPoint.State.ERROR) return RecoveryPoint.State.ERROR;
    if (a == RecoveryPoint.State.PENDING || b == RecoveryPoint.State.PENDING) return RecoveryPoint.State.PENDING;
    return RecoveryPoint.State.COMPLETED;
  }

  static Optional<String> tag(Snapshot s, String key) {
    return s.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).filter(v -> v != null && !v.isBlank())
        .findFirst();
  }
}
