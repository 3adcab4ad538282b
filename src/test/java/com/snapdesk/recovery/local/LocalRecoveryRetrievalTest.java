package com.snapdesk.recovery.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Environment;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SnapdeskTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRecoveryRetrievalTest {

  private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
  private static final String POINT = "rp-mx7k2p4qzt3rw-production-202611251200";

  @TempDir Path dir;
  private final MutableClock now = new MutableClock(NOW);
  private final Clock clock = now;
  private final LocalInventory inventory = new LocalInventory(
      new DemoInventory(RetentionPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)).generate());

  private LocalRecoveryRetrieval retrieval() {
    return new LocalRecoveryRetrieval(dir.resolve("recovery"), inventory, clock);
  }

  private RetrievalRequest request(String recoveryId, String projectId, Environment env, String pointId) {
    Project project = inventory.find(projectId).orElseThrow();
    RecoveryPoint point = inventory.find(projectId, env, pointId).orElseGet(() -> new RecoveryPoint(pointId, projectId,
        env, NOW, RecoveryPoint.Type.AUTOMATIC, RecoveryPoint.State.COMPLETED, RecoveryPoint.StorageTier.STANDARD,
        java.util.List.of("snap-00000000000000000")));
    return new RetrievalRequest("T-1001", recoveryId, project, env, point, Scope.DATABASE);
  }

  @Test
  void putsAManifestAndReadmeWhereTheMountWouldBe() throws IOException {
    // given a completed point of Acme production
    var request = request("r-7f3a", DemoInventory.ACME, Environment.PRODUCTION, POINT);
    // when retrieving it
    RetrievalProgress progress = retrieval().retrieve(request);
    // then it is ready at the customer's mount path on the first node, with a manifest describing it
    assertThat(progress).isEqualTo(RetrievalProgress.ready("/mnt/recovery-r-7f3a", "i-0abc1234def567890", null, NOW));
    Path folder = dir.resolve("recovery/r-7f3a");
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    assertThat(manifest.get("recoveryId").asText()).isEqualTo("r-7f3a");
    assertThat(manifest.get("ticketId").asText()).isEqualTo("T-1001");
    assertThat(manifest.get("projectId").asText()).isEqualTo(SnapdeskTestData.ACME);
    assertThat(manifest.get("environment").asText()).isEqualTo("production");
    assertThat(manifest.get("recoveryPointId").asText()).isEqualTo(POINT);
    assertThat(manifest.get("createdAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(manifest.get("snapshotIds")).hasSize(2);
    assertThat(manifest.get("scope").asText()).isEqualTo("database");
    assertThat(manifest.get("storageTier").asText()).isEqualTo("standard");
    assertThat(manifest.get("retrievedAt").asText()).isEqualTo("2026-11-25T15:20:00Z");
    assertThat(Files.readString(folder.resolve("README.txt")))
        .contains("/mnt/recovery-r-7f3a").contains(POINT).contains("not restored");
  }

  @Test
  void answersARetriedCallWithTheFirstResult() throws IOException {
    // given a finished retrieval
    var retrieval = retrieval();
    var request = request("r-7f3a", DemoInventory.ACME, Environment.PRODUCTION, POINT);
    RetrievalProgress first = retrieval.retrieve(request);
    Path manifest = dir.resolve("recovery/r-7f3a/manifest.json");
    String written = Files.readString(manifest);
    // when the job is retried an hour later
    now.set(NOW.plus(Duration.ofHours(1)));
    RetrievalProgress second = retrieval.retrieve(request);
    // then the answer and the files are unchanged, and nothing else was created
    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(manifest)).isEqualTo(written);
    try (var entries = Files.list(dir.resolve("recovery"))) {
      assertThat(entries).extracting(p -> p.getFileName().toString()).containsExactly("r-7f3a");
    }
  }

  @Test
  void namesTheFirstNodeGenericallyWhenTheInventoryHasNone() {
    // given Acme staging, which has no first node in the inventory
    var request = request("r-stg", DemoInventory.ACME, Environment.STAGING, "rp-mx7k2p4qzt3rw-staging-202611251200");
    // when retrieving
    // then the node is "first node"
    assertThat(retrieval().retrieve(request).node()).isEqualTo("first node");
  }

  @Test
  void refusesAPointInError() {
    // given the failed 08:00 point of Acme production
    var request = request("r-err", DemoInventory.ACME, Environment.PRODUCTION, "rp-mx7k2p4qzt3rw-production-202611250800");
    // when retrieving it
    // then the agent gets a business failure with the reason, and nothing is left behind
    assertThatThrownBy(() -> retrieval().retrieve(request))
        .isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessageContaining("is in error");
    assertThat(dir.resolve("recovery/r-err")).doesNotExist();
  }

  @Test
  void refusesAPointThatVanished() {
    // given a point id the catalog no longer has
    var request = request("r-gone", DemoInventory.ACME, Environment.PRODUCTION, "rp-mx7k2p4qzt3rw-production-199901010000");
    // when retrieving it
    // then it is unavailable
    assertThatThrownBy(() -> retrieval().retrieve(request))
        .isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessageContaining("no longer exists for the production environment of project mx7k2p4qzt3rw");
  }

  @Test
  void refusesAPointStillBeingTaken() {
    // given the pending 15:00 point
    var request = request("r-pend", DemoInventory.ACME, Environment.PRODUCTION, "rp-mx7k2p4qzt3rw-production-202611251500");
    // when retrieving it
    // then it is unavailable
    assertThatThrownBy(() -> retrieval().retrieve(request))
        .isInstanceOf(RecoveryPointUnavailableException.class).hasMessageContaining("still being taken");
  }

  @Test
  void cleansUpTwiceWithoutComplaint() {
    // given a finished retrieval
    var retrieval = retrieval();
    retrieval.retrieve(request("r-7f3a", DemoInventory.ACME, Environment.PRODUCTION, POINT));
    // when cleaning up twice, and once for a recovery that never happened
    retrieval.cleanup("r-7f3a");
    retrieval.cleanup("r-7f3a");
    retrieval.cleanup("never-retrieved");
    // then the folder is gone
    assertThat(dir.resolve("recovery/r-7f3a")).doesNotExist();
  }

  @Test
  void redoesAnInterruptedRetrieval() throws IOException {
    // given a half-written folder from a crash (no manifest)
    Files.createDirectories(dir.resolve("recovery/.r-7f3a.partial"));
    Files.createDirectories(dir.resolve("recovery/r-7f3a"));
    Files.writeString(dir.resolve("recovery/r-7f3a/README.txt"), "half");
    // when retrieving again
    retrieval().retrieve(request("r-7f3a", DemoInventory.ACME, Environment.PRODUCTION, POINT));
    // then the folder is complete and the leftover is gone
    assertThat(dir.resolve("recovery/r-7f3a/manifest.json")).exists();
    assertThat(dir.resolve("recovery/.r-7f3a.partial")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape", "..", "a/b", "/etc", "R-UPPER", "", "-leading", "a.b", "a\\b"})
  void rejectsRecoveryIdsThatCouldLeaveTheFolder(String recoveryId) throws IOException {
    // given a recovery id that is not a plain lower-case name, and a file outside the recovery dir
    Path outside = Files.writeString(dir.resolve("keep.txt"), "keep");
    var retrieval = retrieval();
    // when retrieving or cleaning up with it
    // then both refuse and nothing outside is touched
    assertThatThrownBy(() -> retrieval.retrieve(request(recoveryId, DemoInventory.ACME, Environment.PRODUCTION, POINT)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> retrieval.cleanup(recoveryId)).isInstanceOf(IllegalArgumentException.class);
    assertThat(outside).exists();
  }
}
