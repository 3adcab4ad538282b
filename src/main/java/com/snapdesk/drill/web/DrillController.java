package com.snapdesk.drill.web;

import com.snapdesk.drill.DrillLog;
import com.snapdesk.drill.DrillProperties;
import com.snapdesk.drill.RestoreDrill;
import com.snapdesk.drill.ScheduleDrills;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Restore drills for managers (same access as {@code /api/sla}: a Camunda login of a manager or administrator,
 * checked before this is reached). Durations are whole seconds.
 */
@RestController
@RequestMapping("/api/drills")
class DrillController {

  private final DrillLog drills;
  private final ScheduleDrills schedule;
  private final DrillProperties properties;
  private final Clock clock;

  DrillController(DrillLog drills, ScheduleDrills schedule, DrillProperties properties, Clock clock) {
    this.drills = drills;
    this.schedule = schedule;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The newest drills, and the last drill of each project and environment: environments never tested first
   * (outcome {@code NEVER_TESTED}), then the one tested longest ago.
   */
  @GetMapping
  DrillsJson drills(@RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
        "limit must be between 1 and 1000");
    Instant now = clock.instant();
    List<DrillJson> latest = new java.util.ArrayList<>(schedule.neverTested().stream()
        .map(t -> new DrillJson(null, t.projectId(), t.environment().id(), null, null, null, null, null, null, null,
            "NEVER_TESTED", null, null, null)).toList());
    drills.latestPerEnvironment().stream().sorted(Comparator.comparing(RestoreDrill::startAt))
        .map(d -> json(d, now)).forEach(latest::add);
    return new DrillsJson(now, properties.rto().getSeconds(), latest,
        drills.recent(limit).stream().map(d -> json(d, now)).toList());
  }

  record DrillsJson(Instant asOf, long rtoSeconds, List<DrillJson> latestPerEnvironment, List<DrillJson> drills) {}

  /** @param withinRto whether time to ready met the published RTO; null until the drill passed */
  record DrillJson(String drillId, String projectId, String environment, String policy, String recoveryPointId,
                   Instant recoveryPointCreatedAt, Instant startAt, Instant startedAt, Long readyAfterSeconds,
                   Boolean withinRto, String outcome, String reason, Instant finishedAt, Long ageSeconds) {}

  private DrillJson json(RestoreDrill d, Instant now) {
    Long ready = d.readyAfter() == null ? null : d.readyAfter().getSeconds();
    return new DrillJson(d.drillId(), d.projectId(), d.environment().id(), d.policy().id(), d.recoveryPointId(),
        d.pointCreatedAt(), d.startAt(), d.startedAt(), ready,
        ready == null ? null : d.readyAfter().compareTo(properties.rto()) <= 0, d.outcome().name(), d.reason(),
        d.finishedAt(), Math.max(0, Duration.between(d.startAt(), now).getSeconds()));
  }
}
