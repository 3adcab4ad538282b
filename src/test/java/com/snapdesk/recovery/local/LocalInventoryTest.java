package com.snapdesk.recovery.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointResolver;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.inventory.Inventory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalInventoryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T15:20:00Z"), ZoneOffset.UTC);
  private final Inventory demo = new DemoInventory(RetentionPolicy.defaults(), CLOCK).generate();
  private final LocalInventory inventory = new LocalInventory(demo);

  @Test
  void listsEveryPointOfAnEnvironmentOldestFirst() {
    // given the demo inventory
    // when listing Acme production
    List<RecoveryPoint> points = inventory.points(DemoInventory.ACME, Environment.PRODUCTION);
    // then all 87 points are there, pending and error included, in time order
    assertThat(points).hasSize(87);
    assertThat(points).extracting(RecoveryPoint::createdAt).isSorted();
    assertThat(points).anyMatch(p -> p.state() == RecoveryPoint.State.ERROR);
  }

  @Test
  void indexesOnlyCandidates() {
    // given the demo inventory
    // when asking for Acme production's candidates
    // then the pending and the error point are left out
    assertThat(inventory.candidates(DemoInventory.ACME, Environment.PRODUCTION).size()).isEqualTo(85);
    assertThat(inventory.candidates(DemoInventory.INITECH, Environment.PRODUCTION).isEmpty()).isTrue();
    assertThat(inventory.candidates("unknown", Environment.PRODUCTION).isEmpty()).isTrue();
  }

  @Test
  void findsProjectsAndPointsOnlyWhereTheyBelong() {
    // given a point of Acme production
    String id = "rp-mx7k2p4qzt3rw-production-202611251200";
    // when looking it up under the right and a wrong environment
    // then only the right one finds it
    assertThat(inventory.find(DemoInventory.ACME, Environment.PRODUCTION, id)).isPresent();
    assertThat(inventory.find(DemoInventory.ACME, Environment.STAGING, id)).isEmpty();
    assertThat(inventory.find(DemoInventory.GLOBEX)).map(p -> p.name()).contains("Globex Outfitters");
    assertThat(inventory.find("unknown")).isEmpty();
    assertThat(inventory.points("unknown", Environment.PRODUCTION)).isEmpty();
  }

  @Test
  void resolvesAgainstTheDemo() {
    // given the demo and a resolver over it
    var resolver = new RecoveryPointResolver(inventory, RetentionPolicy.defaults(), CLOCK);
    // when resolving 08:10 today in Acme production, where the 08:00 point failed
    var r = resolver.resolve(DemoInventory.ACME, Environment.PRODUCTION, Instant.parse("2026-11-25T08:10:00Z"),
        ResolutionPolicy.AT_OR_BEFORE);
    // then the 07:00 point is chosen
    assertThat(r.chosen().id()).isEqualTo("rp-mx7k2p4qzt3rw-production-202611250700");
    assertThat(r.retentionTier()).isEqualTo("days 1–3");
  }

  @Test
  void refusesAnInconsistentInventory() {
    // given an inventory whose point names a project that is not listed
    var broken = new Inventory(List.of(), demo.recoveryPoints().subList(0, 1));
    // when loading it
    // then it is refused
    assertThatThrownBy(() -> new LocalInventory(broken)).hasMessageContaining("no project 'mx7k2p4qzt3rw'");
  }
}
