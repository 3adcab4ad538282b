package com.snapdesk.recovery;

import java.util.List;
import java.util.Optional;

/** Port: the recovery points that actually exist. Resolution always uses these, never the policy. */
public interface RecoveryPointCatalog {

  /** Every point of a project's environment (any type/state), sorted by createdAt ascending. */
  List<RecoveryPoint> points(String projectId, Environment environment);

  Optional<RecoveryPoint> find(String projectId, Environment environment, String recoveryPointId);
}
