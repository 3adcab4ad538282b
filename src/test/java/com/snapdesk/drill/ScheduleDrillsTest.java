package com.snapdesk.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

class ScheduleDrillsTest {

  static final Instant SLOT = Instant.parse("2026-11-29T03:00:00Z");

  final InMemoryDrillLog log = new InMemoryDrillLog();
  final List<String> started = new ArrayList<>();

  @Test
  void everyProStagingAndProductionEnvironmentGetsOneDrillSpreadOverTheWindowInBatches() {
    // given five Pro projects with staging and production (ten environments) and a Starter project
    var drills = scheduler(projects(5), 4, Duration.ofHours(6));

    // when the schedule fires
    List<RestoreDrill> scheduled = drills.forSlot(SLOT);

    // then ten drills start, four at a time, the three batches two hours apart; Starter gets none
    assertThat(scheduled).hasSize(10).allSatisfy(d -> assertThat(d.projectId()).startsWith("pro-"));
    assertThat(scheduled).extracting(RestoreDrill::startAt).containsExactly(
        SLOT, SLOT, SLOT, SLOT, SLOT.plus(Duration.ofHours(2)), SLOT.plus(Duration.ofHours(2)),
        SLOT.plus(Duration.ofHours(2)), SLOT.plus(Duration.ofHours(2)), SLOT.plus(Duration.ofHours(4)),
        SLOT.plus(Duration.ofHours(4)));
    assertThat(started).hasSize(10);
  }

  @Test
  void aSecondNodeFiringTheSameSlotSchedulesNothing() {
    // given one node scheduled the slot
    var drills = scheduler(projects(2), 4, Duration.ofHours(6));
    drills.forSlot(SLOT);

    // when another node fires for the same slot
    List<RestoreDrill> again = drills.forSlot(SLOT);

    // then no drill is scheduled or started twice
    assertThat(again).isEmpty();
    assertThat(started).hasSize(4);
  }

  @Test
  void theEnvironmentTestedLongestAgoGoesFirst() {
    // given pro-1 staging was drilled last week and pro-0's environments never
    var drills = scheduler(projects(2), 1, Duration.ofHours(4));
    log.schedule(RestoreDrill.scheduled("old", "pro-1", Environment.STAGING, SLOT.minus(Duration.ofDays(7)),
        SLOT.minus(Duration.ofDays(7)), DrillPointPolicy.LATEST));

    // when the schedule fires
    List<RestoreDrill> scheduled = drills.forSlot(SLOT);

    // then never-tested environments go first and pro-1 staging last
    assertThat(scheduled.get(scheduled.size() - 1).projectId()).isEqualTo("pro-1");
    assertThat(scheduled.get(scheduled.size() - 1).environment()).isEqualTo(Environment.STAGING);
  }

  private ScheduleDrills scheduler(List<Project> projects, int maxConcurrent, Duration window) {
    ProjectDirectory directory = new ProjectDirectory() {
      @Override public Optional<Project> find(String id) {
        return projects.stream().filter(p -> p.id().equals(id)).findFirst();
      }
      @Override public List<Project> projects() {
        return projects;
      }
    };
    var properties = new DrillProperties("R/P7D", window, maxConcurrent, DrillPointPolicy.LATEST,
        Duration.ofDays(7), Duration.ofHours(2), Duration.ofMinutes(1), Duration.ofHours(4));
    return new ScheduleDrills(directory, log, (drill, pinned) -> started.add(drill.drillId()), properties,
        new NoTransactions(), Clock.fixed(SLOT, ZoneOffset.UTC));
  }

  static List<Project> projects(int pro) {
    var info = new Project.EnvironmentInfo("c", "us-east-1", null);
    List<Project> list = new ArrayList<>(IntStream.range(0, pro).mapToObj(i -> new Project("pro-" + i, "Pro " + i,
        Plan.PRO, List.of(), Map.of(Environment.PRODUCTION, info, Environment.STAGING, info,
        Environment.INTEGRATION, info))).toList());
    list.add(new Project("starter", "Starter", Plan.STARTER, List.of(), Map.of(Environment.PRODUCTION, info)));
    return list;
  }

  static final class NoTransactions implements PlatformTransactionManager {
    @Override public TransactionStatus getTransaction(TransactionDefinition definition) {
      return new SimpleTransactionStatus();
    }
    @Override public void commit(TransactionStatus status) {}
    @Override public void rollback(TransactionStatus status) {}
  }

  /** The table's rules that matter here: one drill per project, environment and slot. */
  static final class InMemoryDrillLog implements DrillLog {
    final Map<String, RestoreDrill> drills = new LinkedHashMap<>();

    @Override public boolean schedule(RestoreDrill drill) {
      boolean taken = drill.slot() != null && drills.values().stream().anyMatch(d -> drill.slot().equals(d.slot())
          && d.projectId().equals(drill.projectId()) && d.environment() == drill.environment());
      if (taken) return false;
      drills.put(drill.drillId(), drill);
      return true;
    }
    @Override public Optional<RestoreDrill> find(String id) {
      return Optional.ofNullable(drills.get(id));
    }
    @Override public void started(String id, String point, Instant pointAt, Instant at) {}
    @Override public void finished(String id, DrillOutcome o, Duration r, String reason, Instant at) {}
    @Override public List<RestoreDrill> recent(int limit) {
      return List.copyOf(drills.values());
    }
    @Override public List<RestoreDrill> latestPerEnvironment() {
      return List.copyOf(drills.values());
    }
    @Override public long unfinished() {
      return drills.size();
    }
  }
}
