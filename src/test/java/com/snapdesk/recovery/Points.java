package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryPoint.State;
import com.snapdesk.recovery.RecoveryPoint.StorageTier;
import com.snapdesk.recovery.RecoveryPoint.Type;
import com.snapdesk.support.SnapdeskTestData;
import java.time.Instant;
import java.util.List;

/** Test data: recovery points of one environment with only what a test cares about. */
final class Points {
  static final String PROJECT = SnapdeskTestData.ACME;

  private Points() {}

  static RecoveryPoint point(String id, String createdAt) {
    return point(id, createdAt, Type.AUTOMATIC, State.COMPLETED, StorageTier.STANDARD);
  }

  static RecoveryPoint point(String id, String createdAt, Type type, State state, StorageTier tier) {
    return new RecoveryPoint(id, PROJECT, Environment.PRODUCTION, Instant.parse(createdAt), type, state, tier,
        List.of("snap-" + id));
  }

  /** A catalog of these points for {@link #PROJECT} production, using the port's default index. */
  static RecoveryPointCatalog catalog(RecoveryPoint... points) {
    List<RecoveryPoint> all = List.of(points);
    return new RecoveryPointCatalog() {
      @Override
      public List<RecoveryPoint> points(String projectId, Environment environment) {
        return all.stream().filter(p -> p.projectId().equals(projectId) && p.environment() == environment)
            .sorted(java.util.Comparator.comparing(RecoveryPoint::createdAt)).toList();
      }

      @Override
      public java.util.Optional<RecoveryPoint> find(String projectId, Environment environment, String id) {
        return points(projectId, environment).stream().filter(p -> p.id().equals(id)).findFirst();
      }
    };
  }
}
