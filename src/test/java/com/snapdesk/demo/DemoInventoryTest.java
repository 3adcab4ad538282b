package com.snapdesk.demo;

import static com.snapdesk.demo.DemoInventory.ACME;
import static com.snapdesk.demo.DemoInventory.GLOBEX;
import static com.snapdesk.demo.DemoInventory.INITECH;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPoint.State;
import com.snapdesk.recovery.RecoveryPoint.StorageTier;
import com.snapdesk.recovery.RecoveryPoint.Type;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.support.SnapdeskTestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoInventoryTest {

  private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
  private final RetentionPolicy retention = RetentionPolicy.defaults();

  private Inventory generate(Instant now) {
    return new DemoInventory(retention, Clock.fixed(now, ZoneOffset.UTC)).generate();
  }

  private static List<RecoveryPoint> automatic(Inventory inventory, String projectId, Environment env) {
    return inventory.recoveryPoints().stream()
        .filter(p -> p.projectId().equals(projectId) && p.environment() == env && p.type() == Type.AUTOMATIC)
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())) // newest first
        .toList();
  }

  @ParameterizedTest(name = "at {0}")
  @ValueSource(strings = {"2026-11-25T15:20:00Z", "2026-11-25T15:00:00Z", "2026-11-25T15:59:59Z"})
  void keepsThePointsEachRetentionTierKeeps(String now) {
    // given the default schedule and a clock anywhere within an hour
    var inventory = generate(Instant.parse(now));
    // when counting Acme production's automatic points per tier of their age
    Map<String, Long> perTier = automatic(inventory, ACME, Environment.PRODUCTION).stream()
        .collect(Collectors.groupingBy(
            p -> retention.tierFor(Duration.between(p.createdAt(), Instant.parse(now))).orElseThrow().label(),
            Collectors.counting()));
    // then each tier holds what it keeps: 72 hourly, 4 daily, 5 weekly, 3 fortnightly, 3 monthly
    assertThat(perTier).containsExactlyInAnyOrderEntriesOf(Map.of(
        "days 1–3", 72L, "days 4–7", 4L, "weeks 2–6", 5L, "weeks 8–12", 3L, "months 3–5", 3L));
  }

  @Test
  void spacesPointsByTheirTierOnTheHour() {
    // given a demo inventory
    var points = automatic(generate(NOW), GLOBEX, Environment.STAGING);
    // when looking at the points and the gaps between them
    // then each is on the hour, the newest is this hour, and gaps follow the tiers
    assertThat(points).allSatisfy(p -> assertThat(p.createdAt().truncatedTo(ChronoUnit.HOURS)).isEqualTo(p.createdAt()));
    assertThat(points.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
    assertThat(gap(points, 0)).isEqualTo(Duration.ofHours(1));
    assertThat(gap(points, 70)).isEqualTo(Duration.ofHours(1));   // last two hourly
    assertThat(gap(points, 72)).isEqualTo(Duration.ofDays(1));    // daily
    assertThat(gap(points, 77)).isEqualTo(Duration.ofDays(7));    // weekly
    assertThat(gap(points, 80)).isEqualTo(Duration.ofDays(14));   // week 6 to week 8: the week-7 gap
    assertThat(gap(points, 82)).isEqualTo(Duration.ofDays(14));   // fortnightly
    assertThat(gap(points, 85)).isEqualTo(Duration.ofDays(30));   // monthly
    assertThat(points).hasSize(87);
  }

  /** Time between point i (newer) and point i + 1 (older). */
  private static Duration gap(List<RecoveryPoint> newestFirst, int i) {
    return Duration.between(newestFirst.get(i + 1).createdAt(), newestFirst.get(i).createdAt());
  }

  @Test
  void includesTheOdditiesOfARealEnvironment() {
    // given a demo inventory
    var inventory = generate(NOW);
    var acme = automatic(inventory, ACME, Environment.PRODUCTION);
    // when looking at states and storage tiers
    // then the newest point is still pending, one Acme production point failed, and points 90+ days old are archived
    assertThat(acme.get(0).state()).isEqualTo(State.PENDING);
    assertThat(acme.stream().filter(p -> p.state() == State.ERROR))
        .extracting(RecoveryPoint::id).containsExactly("rp-mx7k2p4qzt3rw-production-202611250800");
    assertThat(automatic(inventory, GLOBEX, Environment.PRODUCTION)).noneMatch(p -> p.state() == State.ERROR);
    assertThat(acme.stream().filter(p -> p.storageTier() == StorageTier.ARCHIVE).map(RecoveryPoint::createdAt))
        .containsExactly(Instant.parse("2026-08-03T15:00:00Z"), Instant.parse("2026-07-04T15:00:00Z"));
  }

  @Test
  void givesStarterNoAutomaticPoints() {
    // given a demo inventory
    var inventory = generate(NOW);
    // when looking at the Starter project
    Project initech = inventory.projects().stream().filter(p -> p.id().equals(INITECH)).findFirst().orElseThrow();
    // then it is Starter with a manual snapshot only
    assertThat(initech.plan()).isEqualTo(Plan.STARTER);
    assertThat(inventory.recoveryPoints()).filteredOn(p -> p.projectId().equals(INITECH))
        .singleElement().extracting(RecoveryPoint::type).isEqualTo(Type.MANUAL);
  }

  @Test
  void describesAcmeAsInTheDesign() {
    // given a demo inventory
    Project acme = generate(NOW).projects().get(0);
    // when looking at Acme Store
    // then contacts, first node and staging cluster are those of the demo project Acme Store
    assertThat(acme.name()).isEqualTo("Acme Store");
    assertThat(acme.contacts()).containsExactly(SnapdeskTestData.ACME_CONTACT);
    assertThat(acme.environment(Environment.PRODUCTION).orElseThrow().firstNode())
        .isEqualTo(new Project.FirstNode("i-0abc1234def567890", "us-east-1a"));
    assertThat(acme.environment(Environment.STAGING).orElseThrow().clusterId()).isEqualTo("mx7k2p4qzt3rw_stg");
  }

  @Test
  void namesPointsAndSnapshotsReadablyAndStably() {
    // given the same clock twice
    var first = generate(NOW);
    var second = generate(NOW);
    // when comparing and looking at ids
    // then the inventories are equal and ids follow the readable pattern
    assertThat(first).isEqualTo(second);
    assertThat(first.recoveryPoints()).allSatisfy(p -> {
      assertThat(p.id()).matches("rp-" + p.projectId() + "-" + p.environment().id() + "-\\d{12}");
      assertThat(p.snapshotIds()).hasSize(2).allMatch(s -> s.matches("snap-[0-9a-f]{17}"));
    });
    assertThat(first.recoveryPoints()).extracting(RecoveryPoint::id).doesNotHaveDuplicates();
    assertThat(first.recoveryPoints()).flatExtracting(RecoveryPoint::snapshotIds).doesNotHaveDuplicates();
    assertThat(first.problems()).isEmpty();
  }
}
