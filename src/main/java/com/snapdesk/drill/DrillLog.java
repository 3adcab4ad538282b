package com.snapdesk.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the restore drills people see (table {@code restore_drill}). */
public interface DrillLog {

  /** Records a scheduled drill; false when this project, environment and slot already have one (another node). */
  boolean schedule(RestoreDrill drill);

  Optional<RestoreDrill> find(String drillId);

  void started(String drillId, String recoveryPointId, Instant pointCreatedAt, Instant startedAt);

  void finished(String drillId, DrillOutcome outcome, Duration readyAfter, String reason, Instant finishedAt);

  /** The newest drills first, at most {@code limit}. */
  List<RestoreDrill> recent(int limit);

  /** The newest drill of each project and environment that had one. */
  List<RestoreDrill> latestPerEnvironment();

  /** Drills not finished yet (scheduled or running). */
  long unfinished();
}
