package com.snapdesk.drill;

import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.RetrievalValidation;
import com.snapdesk.recovery.RetrievalValidation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;

/**
 * Use case: the steps of one restore drill. It retrieves through the same port tickets use, but into the drill
 * location, validates read-only, and cleans up. Never a restore, never a write to a snapshot. Each step is safe to
 * run again (the engine retries jobs).
 */
@Service
public class RunDrill {

  private final DrillLog log;
  private final ProjectDirectory projects;
  private final RecoveryPointCatalog catalog;
  private final RecoveryRetrieval retrieval;
  private final RetrievalValidation validation;
  private final DrillEvents events;
  private final DrillProperties properties;
  private final Clock clock;

  public RunDrill(DrillLog log, ProjectDirectory projects, RecoveryPointCatalog catalog, RecoveryRetrieval retrieval,
                  RetrievalValidation validation, DrillEvents events, DrillProperties properties, Clock clock) {
    this.log = log;
    this.projects = projects;
    this.catalog = catalog;
    this.retrieval = retrieval;
    this.validation = validation;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Picks the point by the drill's policy (or the one an operator pinned) and marks the drill running.
   *
   * @throws DrillFailedException when there is no usable point
   */
  public RecoveryPoint choosePoint(String drillId, String pinnedRecoveryPointId) {
    RestoreDrill drill = drill(drillId);
    if (drill.recoveryPointId() != null) return point(drill); // a retried job keeps its choice
    Instant now = clock.instant();
    List<RecoveryPoint> candidates = catalog.points(drill.projectId(), drill.environment()).stream()
        .filter(RecoveryPoint::isCandidate).toList();
    RecoveryPoint chosen;
    if (pinnedRecoveryPointId != null) {
      chosen = candidates.stream().filter(p -> p.id().equals(pinnedRecoveryPointId)).findFirst()
          .orElseThrow(() -> new DrillFailedException("Recovery point " + pinnedRecoveryPointId
              + " is not a completed automatic point of this environment."));
    } else {
      chosen = switch (drill.policy()) {
        case LATEST -> candidates.stream().max(Comparator.comparing(RecoveryPoint::createdAt)).orElse(null);
        case RANDOM_WITHIN_WINDOW -> randomWithin(candidates, now.minus(properties.pointWindow()), drillId);
      };
      if (chosen == null) throw new DrillFailedException("No completed automatic recovery point of "
          + drill.projectId() + " " + drill.environment().id() + (drill.policy() == DrillPointPolicy.LATEST ? ""
          : " taken within " + properties.pointWindow() + " before the drill") + ".");
    }
    log.started(drillId, chosen.id(), chosen.createdAt(), now);
    return chosen;
  }

  /** The same drill picks the same point on every call: seeded by its id. */
  private static RecoveryPoint randomWithin(List<RecoveryPoint> candidates, Instant from, String drillId) {
    List<RecoveryPoint> window = candidates.stream().filter(p -> !p.createdAt().isBefore(from)).toList();
    if (window.isEmpty()) return null;
    return window.get(new Random(drillId.hashCode()).nextInt(window.size()));
  }

  /**
   * Starts or continues retrieval into the drill location.
   *
   * @throws DrillFailedException when the backend refuses the point (vanished, in error)
   */
  public RetrievalProgress retrieve(String drillId) {
    try {
      return retrieval.retrieve(request(drill(drillId)));
    } catch (RecoveryPointUnavailableException e) {
      throw new DrillFailedException(e.getMessage());
    }
  }

  /**
   * Checks the retrieved data read-only.
   *
   * @throws DrillFailedException naming the first check that failed
   */
  public Validation validate(String drillId) {
    Validation result = validation.validate(request(drill(drillId)));
    if (!result.passed()) throw new DrillFailedException("Validation failed: " + result.failure());
    return result;
  }

  /** Records the pass and the time from the start of retrieval until the data was validated. */
  public RestoreDrill passed(String drillId) {
    RestoreDrill drill = drill(drillId);
    Instant now = clock.instant();
    Duration readyAfter = Duration.between(drill.startedAt() == null ? now : drill.startedAt(), now);
    log.finished(drillId, DrillOutcome.PASSED, readyAfter, null, now);
    return ended(drillId);
  }

  public RestoreDrill failed(String drillId, String reason) {
    log.finished(drillId, DrillOutcome.FAILED, null, reason, clock.instant());
    return ended(drillId);
  }

  public RestoreDrill timedOut(String drillId) {
    log.finished(drillId, DrillOutcome.TIMED_OUT, null, "Not retrieved and validated within "
        + properties.timeout() + ".", clock.instant());
    return ended(drillId);
  }

  /** Removes what the drill retrieved; safe when nothing was, or when it ran before. */
  public void cleanUp(String drillId) {
    retrieval.cleanup(drill(drillId).recoveryId());
  }

  public RestoreDrill drill(String drillId) {
    return log.find(drillId).orElseThrow(() -> new IllegalStateException("Unknown restore drill " + drillId));
  }

  private RestoreDrill ended(String drillId) {
    RestoreDrill drill = drill(drillId);
    events.finished(drill);
    return drill;
  }

  private RetrievalRequest request(RestoreDrill drill) {
    Project project = projects.find(drill.projectId())
        .orElseThrow(() -> new DrillFailedException("Project " + drill.projectId() + " is no longer known."));
    return RetrievalRequest.drill(drill.drillId(), drill.recoveryId(), project, drill.environment(), point(drill));
  }

  private RecoveryPoint point(RestoreDrill drill) {
    if (drill.recoveryPointId() == null) throw new IllegalStateException("Drill " + drill.drillId() + " has no point");
    return catalog.find(drill.projectId(), drill.environment(), drill.recoveryPointId())
        .orElseThrow(() -> new DrillFailedException("Recovery point " + drill.recoveryPointId()
            + " no longer exists."));
  }
}
