package com.snapdesk.drill;

import com.snapdesk.project.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One restore drill of one environment: which point it retrieved, how long until the data was ready and
 * validated, and how it ended.
 *
 * @param slot       the schedule's firing it belongs to; with project and environment unique, so nodes of one
 *                   cluster that fire together schedule it once; null for a drill an operator started
 * @param startAt    when it was due to start (spread over the window)
 * @param startedAt  when retrieval began; null before
 * @param readyAfter from the start of retrieval until the data was validated; null unless passed
 */
public record RestoreDrill(String drillId, String projectId, Environment environment, Instant slot, Instant startAt,
                           DrillPointPolicy policy, String recoveryPointId, Instant pointCreatedAt,
                           Instant startedAt, Duration readyAfter, DrillOutcome outcome, String reason,
                           Instant finishedAt) {

  public RestoreDrill {
    Objects.requireNonNull(drillId, "drillId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(startAt, "startAt");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(outcome, "outcome");
  }

  public static RestoreDrill scheduled(String drillId, String projectId, Environment environment, Instant slot,
                                       Instant startAt, DrillPointPolicy policy) {
    return new RestoreDrill(drillId, projectId, environment, slot, startAt, policy, null, null, null, null,
        DrillOutcome.SCHEDULED, null, null);
  }

  /** The id the retrieval backend names folders and volumes by: a-z, 0-9 and '-'. */
  public String recoveryId() {
    return drillId.toLowerCase(java.util.Locale.ROOT);
  }
}
