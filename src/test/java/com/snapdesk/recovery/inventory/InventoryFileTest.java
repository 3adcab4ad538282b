package com.snapdesk.recovery.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.support.SnapdeskTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryFileTest {

  /** A complete inventory in the format of docs/inventory.md. */
  private static final String INVENTORY_EXAMPLE = """
      {
        "projects": [
          { "id": "mx7k2p4qzt3rw", "name": "Acme Store", "plan": "pro",
            "contacts": ["ops@acme.example"],
            "environments": {
              "production": { "clusterId": "mx7k2p4qzt3rw", "region": "us-east-1",
                              "firstNode": { "instanceId": "i-0abc1234def567890",
                                             "availabilityZone": "us-east-1a" } },
              "staging": { "clusterId": "mx7k2p4qzt3rw_stg", "region": "us-east-1" },
              "integration": {} } }
        ],
        "recoveryPoints": [
          { "id": "rp-0001", "projectId": "mx7k2p4qzt3rw", "environment": "production",
            "createdAt": "2026-11-25T14:00:00Z", "type": "automatic", "state": "completed",
            "storageTier": "standard", "snapshotIds": ["snap-0123456789abcdef0"] }
        ]
      }
      """;

  @TempDir Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("inventory.json"), json);
  }

  @Test
  void readsTheDesignExample() throws IOException {
    // given a complete inventory in the format of docs/inventory.md
    // when reading it
    var inventory = InventoryFile.read(file(INVENTORY_EXAMPLE));
    // then project, environments and the recovery point come through
    Project acme = inventory.projects().get(0);
    assertThat(acme.id()).isEqualTo(SnapdeskTestData.ACME);
    assertThat(acme.name()).isEqualTo("Acme Store");
    assertThat(acme.plan()).isEqualTo(Plan.PRO);
    assertThat(acme.contacts()).containsExactly(SnapdeskTestData.ACME_CONTACT);
    assertThat(acme.environment(Environment.PRODUCTION)).contains(new Project.EnvironmentInfo(SnapdeskTestData.ACME,
        "us-east-1", new Project.FirstNode("i-0abc1234def567890", "us-east-1a")));
    assertThat(acme.environment(Environment.STAGING)).contains(
        new Project.EnvironmentInfo("mx7k2p4qzt3rw_stg", "us-east-1", null));
    assertThat(acme.environment(Environment.INTEGRATION)).contains(new Project.EnvironmentInfo(null, null, null));
    assertThat(inventory.recoveryPoints()).containsExactly(new RecoveryPoint("rp-0001", SnapdeskTestData.ACME,
        Environment.PRODUCTION, Instant.parse("2026-11-25T14:00:00Z"), RecoveryPoint.Type.AUTOMATIC,
        RecoveryPoint.State.COMPLETED, RecoveryPoint.StorageTier.STANDARD, List.of("snap-0123456789abcdef0")));
  }

  @Test
  void readsAProjectsOnlyFile() throws IOException {
    // given a file with projects but no recoveryPoints (the AWS backend's projects file)
    var f = file("""
        {"projects": [{"id": "st4rt3rpr0j1c", "name": "Initech Shop", "plan": "starter",
                       "contacts": ["dev@initech.example"], "environments": {"production": {}}}]}
        """);
    // when reading it
    // then there are no points
    assertThat(InventoryFile.read(f).recoveryPoints()).isEmpty();
  }

  @Test
  void namesTheLineOfMalformedJson() throws IOException {
    // given a file with a trailing comma on line 2
    var f = file("{\n  \"projects\": [],\n}\n");
    // when reading it
    // then the error names the file and the line
    assertThatThrownBy(() -> InventoryFile.read(f))
        .isInstanceOf(InventoryFileException.class)
        .hasMessageStartingWith("Inventory file " + f + ": line 3");
  }

  @Test
  void namesTheFieldOfAnUnknownValue() throws IOException {
    // given a plan the product does not know
    var f = file(INVENTORY_EXAMPLE.replace("\"plan\": \"pro\"", "\"plan\": \"enterprise\""));
    // when reading it
    // then the error says which field and what is allowed
    assertThatThrownBy(() -> InventoryFile.read(f))
        .hasMessageContaining("projects[0].plan: 'enterprise' is not one of pro, starter");
  }

  @Test
  void rejectsAnUnknownEnvironmentName() throws IOException {
    // given an environment keyed "prod"
    var f = file(INVENTORY_EXAMPLE.replace("\"production\": { \"clusterId\"", "\"prod\": { \"clusterId\""));
    // when reading it
    // then the key is named
    assertThatThrownBy(() -> InventoryFile.read(f))
        .hasMessageContaining("projects[0].environments: 'prod' is not one of production, staging, integration");
  }

  @Test
  void rejectsAnUnknownPointState() throws IOException {
    // given a point in state "done"
    var f = file(INVENTORY_EXAMPLE.replace("\"completed\"", "\"done\""));
    // when reading it
    // then the field is named
    assertThatThrownBy(() -> InventoryFile.read(f))
        .hasMessageContaining("recoveryPoints[0].state: 'done' is not one of pending, completed, error");
  }

  @Test
  void rejectsAMisspelledField() throws IOException {
    // given "storagetier" instead of "storageTier"
    var f = file(INVENTORY_EXAMPLE.replace("\"storageTier\"", "\"storagetier\""));
    // when reading it
    // then the unknown field and its place are named instead of defaulting silently
    assertThatThrownBy(() -> InventoryFile.read(f))
        .hasMessageContaining("recoveryPoints[0].storagetier: unknown field 'storagetier'")
        .hasMessageContaining("line 15");
  }

  @Test
  void rejectsAMissingField() throws IOException {
    // given a point without createdAt
    var f = file(INVENTORY_EXAMPLE.replace("\"createdAt\": \"2026-11-25T14:00:00Z\",", ""));
    // when reading it
    // then the missing field is named
    assertThatThrownBy(() -> InventoryFile.read(f)).hasMessageContaining("recoveryPoints[0].createdAt: missing");
  }

  @Test
  void rejectsABadTimestamp() throws IOException {
    // given a createdAt without a zone
    var f = file(INVENTORY_EXAMPLE.replace("2026-11-25T14:00:00Z", "2026-11-25 14:00"));
    // when reading it
    // then the value and the expected shape are shown
    assertThatThrownBy(() -> InventoryFile.read(f)).hasMessageContaining(
        "recoveryPoints[0].createdAt: '2026-11-25 14:00' is not an ISO-8601 instant like 2026-11-25T14:00:00Z");
  }

  @Test
  void rejectsAPointOfAnUnknownProject() throws IOException {
    // given a point whose projectId has a typo
    var f = file(INVENTORY_EXAMPLE.replace("\"projectId\": \"mx7k2p4qzt3rw\"", "\"projectId\": \"mx7k2p4qzt3rx\""));
    // when reading it
    // then the reference is named
    assertThatThrownBy(() -> InventoryFile.read(f))
        .hasMessageContaining("recoveryPoints[0].projectId: no project 'mx7k2p4qzt3rx' in projects");
  }

  @Test
  void rejectsAFileWithoutProjects() throws IOException {
    // given an empty object
    // when reading it
    // then the missing list is named
    assertThatThrownBy(() -> InventoryFile.read(file("{}"))).hasMessageContaining("projects: missing");
  }

  @Test
  void explainsAnEmptyFileAndAWrongShape() throws IOException {
    // given an empty file, then a file holding a list instead of an object
    // when reading them
    // then each gets an explanation in the format's terms
    assertThatThrownBy(() -> InventoryFile.read(file(""))).hasMessageEndingWith(": file is empty");
    assertThatThrownBy(() -> InventoryFile.read(file("[]")))
        .hasMessageEndingWith(": expected a JSON object with \"projects\" (and optionally \"recoveryPoints\")");
  }

  @Test
  void namesAMissingFile() {
    // given a path where no file is
    Path missing = dir.resolve("nope.json");
    // when reading it
    // then the error says so
    assertThatThrownBy(() -> InventoryFile.read(missing))
        .isInstanceOf(InventoryFileException.class)
        .hasMessage("Inventory file " + missing + ": file not found");
  }

  @Test
  void writesWhatItReads() {
    // given a demo inventory
    var demo = new DemoInventory(RetentionPolicy.defaults(),
        Clock.fixed(Instant.parse("2026-11-25T15:20:00Z"), ZoneOffset.UTC)).generate();
    // when writing and reading it back
    Path f = dir.resolve("sub/demo.json");
    InventoryFile.write(demo, f);
    // then nothing is lost
    assertThat(InventoryFile.read(f)).isEqualTo(demo);
  }
}
