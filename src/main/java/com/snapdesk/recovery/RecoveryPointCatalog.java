package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import java.util.List;
import java.util.Optional;

/** Port: the recovery points that actually exist. Resolution always uses these, never the policy. */
public interface RecoveryPointCatalog {

  /** Every point of a project's environment (any type/state), sorted by createdAt ascending. */
  List<RecoveryPoint> points(String projectId, Environment environment);

  Optional<RecoveryPoint> find(String projectId, Environment environment, String recoveryPointId);

  /**
   * The candidate points of a project's environment, indexed for neighbour queries; empty for an
   * unknown project or environment. This default builds the index on every call; adapters that
   * serve many requests keep one per environment and override it.
   */
  default CandidateIndex candidates(String projectId, Environment environment) {
    return CandidateIndex.of(points(projectId, environment));
  }
}
