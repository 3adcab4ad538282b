package com.snapdesk.recovery.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDrillRetrievalTest {

  private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
  private static final String POINT = "rp-mx7k2p4qzt3rw-production-202611251200";

  @TempDir Path dir;
  private final LocalInventory inventory = new LocalInventory(
      new DemoInventory(RetentionPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)).generate());

  private LocalRecoveryRetrieval retrieval() {
    return new LocalRecoveryRetrieval(dir.resolve("recovery"), dir.resolve("drills"), inventory,
        Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
  }

  private RetrievalRequest drill() {
    var project = inventory.find(DemoInventory.ACME).orElseThrow();
    var point = inventory.find(DemoInventory.ACME, Environment.PRODUCTION, POINT).orElseThrow();
    return RetrievalRequest.drill("DRILL-1", "drill-1", project, Environment.PRODUCTION, point);
  }

  @Test
  void aDrillRetrievesIntoTheDrillFolderAndValidates() {
    // given a drill of a completed point
    var retrieval = retrieval();

    // when retrieving it and validating
    var progress = retrieval.retrieve(drill());
    var validation = retrieval.validate(drill());

    // then the data is in the drill folder, not where customers' data goes, and every check passed
    assertThat(progress.ready()).isTrue();
    assertThat(progress.node()).isEqualTo("drill location");
    assertThat(retrieval.drillFolder("drill-1").resolve("SHA256SUMS")).exists();
    assertThat(dir.resolve("recovery").resolve("drill-1")).doesNotExist();
    assertThat(validation.passed()).isTrue();
    assertThat(validation.checks()).contains("manifest names recovery point " + POINT,
        "database/main.sql.gz passes a gzip test");
  }

  @Test
  void aDamagedFileFailsValidationNamingIt() throws IOException {
    // given a retrieved drill whose README changed afterwards
    var retrieval = retrieval();
    retrieval.retrieve(drill());
    Files.writeString(retrieval.drillFolder("drill-1").resolve("README.txt"), "changed");

    // when validating
    var validation = retrieval.validate(drill());

    // then it fails and says which file
    assertThat(validation.passed()).isFalse();
    assertThat(validation.failure()).startsWith("README.txt has checksum");
  }

  @Test
  void nothingRetrievedFailsValidation() {
    // when validating a drill that retrieved nothing
    var validation = retrieval().validate(drill());

    // then it fails: no manifest
    assertThat(validation.passed()).isFalse();
    assertThat(validation.failure()).startsWith("No manifest");
  }

  @Test
  void cleanupRemovesTheDrillFolder() {
    // given a retrieved drill
    var retrieval = retrieval();
    retrieval.retrieve(drill());

    // when cleaning up, twice
    retrieval.cleanup("drill-1");
    retrieval.cleanup("drill-1");

    // then nothing is left
    assertThat(retrieval.drillFolder("drill-1")).doesNotExist();
  }
}
