package com.snapdesk.drill;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: one firing of the drill schedule. Every Pro project's staging and production environment gets one
 * drill; the environments tested longest ago go first. They start in batches of {@code max-concurrent}, the
 * batches spread evenly over the window, so a large fleet does not retrieve everything at once.
 */
@Service
public class ScheduleDrills {

  /** Automatic backups exist only for these (DESIGN.md); integration has none to drill. */
  public static final List<Environment> DRILLED = List.of(Environment.STAGING, Environment.PRODUCTION);
  private static final DateTimeFormatter SLOT_TEXT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm")
      .withZone(ZoneOffset.UTC);

  private final ProjectDirectory projects;
  private final DrillLog log;
  private final DrillProcess process;
  private final DrillProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ScheduleDrills(ProjectDirectory projects, DrillLog log, DrillProcess process, DrillProperties properties,
                        PlatformTransactionManager transactions, Clock clock) {
    this.projects = projects;
    this.log = log;
    this.process = process;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Schedules the drills of the firing at {@code slot}; a second call (another node) schedules nothing. */
  public List<RestoreDrill> forSlot(Instant slot) {
    List<Target> targets = targets();
    int batches = Math.max(1, (targets.size() + properties.maxConcurrent() - 1) / properties.maxConcurrent());
    Duration spacing = properties.window().dividedBy(batches);
    List<RestoreDrill> scheduled = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      Instant startAt = slot.plus(spacing.multipliedBy(i / properties.maxConcurrent()));
      RestoreDrill drill = RestoreDrill.scheduled(drillId(slot, t), t.projectId(), t.environment(), slot, startAt,
          properties.policy());
      Boolean started = transaction.execute(s -> {
        if (!log.schedule(drill)) return false;
        process.start(drill, null);
        return true;
      });
      if (Boolean.TRUE.equals(started)) scheduled.add(drill);
    }
    return scheduled;
  }

  /**
   * One drill now, outside the schedule: an operator checking an environment, optionally on a chosen point.
   */
  public RestoreDrill now(String projectId, Environment environment, String recoveryPointId) {
    Project project = projects.find(projectId)
        .filter(p -> p.plan() == Plan.PRO && p.environment(environment).isPresent() && DRILLED.contains(environment))
        .orElseThrow(() -> new IllegalArgumentException("No Pro " + environment.id() + " environment in project "
            + projectId + " to drill."));
    Instant now = clock.instant();
    // a suffix: an operator may drill the same environment twice within a minute
    String id = drillId(now, new Target(project.id(), environment)) + "-"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    RestoreDrill drill = RestoreDrill.scheduled(id, project.id(), environment, null, now, properties.policy());
    transaction.executeWithoutResult(s -> {
      if (!log.schedule(drill)) throw new IllegalStateException("Drill " + drill.drillId() + " exists already.");
      process.start(drill, recoveryPointId);
    });
    return drill;
  }

  /** Pro staging and production environments that no drill has tested yet. */
  public List<Target> neverTested() {
    var tested = log.latestPerEnvironment().stream().map(d -> new Target(d.projectId(), d.environment())).toList();
    return targets().stream().filter(t -> !tested.contains(t)).toList();
  }

  /** Pro staging and production environments, the one tested longest ago (or never) first. */
  List<Target> targets() {
    Map<Target, Instant> lastTested = new HashMap<>();
    for (RestoreDrill d : log.latestPerEnvironment()) {
      lastTested.put(new Target(d.projectId(), d.environment()), d.startAt());
    }
    return projects.projects().stream()
        .filter(p -> p.plan() == Plan.PRO)
        .flatMap(p -> DRILLED.stream().filter(e -> p.environment(e).isPresent()).map(e -> new Target(p.id(), e)))
        .sorted(Comparator.comparing((Target t) -> lastTested.getOrDefault(t, Instant.MIN))
            .thenComparing(Target::projectId).thenComparing(Target::environment))
        .toList();
  }

  private static String drillId(Instant slot, Target t) {
    String env = t.environment() == Environment.PRODUCTION ? "prod" : "stg";
    return "DRILL-" + SLOT_TEXT.format(slot) + "-" + t.projectId() + "-" + env;
  }

  /** One environment of one project that drills test. */
  public record Target(String projectId, Environment environment) {}
}
