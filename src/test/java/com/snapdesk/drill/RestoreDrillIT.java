package com.snapdesk.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Environment;
import com.snapdesk.support.EmbeddedAppTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A restore drill on the whole app with the local backend and the job executor running, seen over HTTP the way a
 * manager sees it: {@code GET /api/drills} and the Prometheus scrape.
 */
@EmbeddedAppTest
@AutoConfigureObservability(tracing = false) // metrics export (Prometheus) is off in Spring Boot tests otherwise
class RestoreDrillIT {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ScheduleDrills drills;

  private ResponseEntity<String> get(String path, String user) {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build()
        .get().uri(path).headers(h -> { if (user != null) h.setBasicAuth(user, user); })
        .retrieve().toEntity(String.class);
  }

  @Test
  void drillsAreForManagersOnly() {
    // when a manager, an agent and nobody ask for the drills
    // then the manager sees them, the agent is refused and the anonymous caller must log in
    assertThat(get("/api/drills", "mona").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/drills", "alice").getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/drills", null).getStatusCode().value()).isEqualTo(401);
    assertThat(get("/api/drills/anything", null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aDrillOfTheLocalBackendPassesAndShowsWithItsTimeToReady() throws Exception {
    // given a drill of Acme production, as the schedule would start it
    RestoreDrill drill = drills.now(DemoInventory.ACME, Environment.PRODUCTION, null);

    // when the job executor has run it
    JsonNode row = awaitFinished(drill.drillId());

    // then the manager sees it passed, on the latest point, within the RTO, and its data is gone again
    assertThat(row.path("outcome").asText()).as(row.toString()).isEqualTo("PASSED");
    assertThat(row.path("recoveryPointId").asText()).startsWith("rp-" + DemoInventory.ACME + "-production-");
    assertThat(row.path("readyAfterSeconds").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(row.path("withinRto").asBoolean()).isTrue();
    assertThat(Path.of("target/it-h2/drills", drill.recoveryId())).doesNotExist();
    assertThat(Path.of("target/it-h2/recovery", drill.recoveryId())).doesNotExist();
    JsonNode latest = json.readTree(get("/api/drills", "mona").getBody()).path("latestPerEnvironment");
    assertThat(latest.findValuesAsText("drillId")).contains(drill.drillId());
    // environments never drilled come first, so nobody overlooks them
    assertThat(latest.get(0).path("outcome").asText()).isEqualTo("NEVER_TESTED");
    assertThat(latest.get(latest.size() - 1).path("drillId").asText()).isEqualTo(drill.drillId());

    // and Prometheus has the time to ready
    String scrape = get("/actuator/prometheus", "mona").getBody();
    assertThat(scrape).containsPattern("snapdesk_drills_time_to_ready_seconds_count\\{[^}]*environment=\"production\"[^}]*\\} [1-9]")
        .contains("snapdesk_drills_failures_total");
  }

  private JsonNode awaitFinished(String drillId) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode row = null;
    while (Instant.now().isBefore(until)) {
      JsonNode body = json.readTree(get("/api/drills", "mona").getBody());
      for (JsonNode d : body.path("drills")) {
        if (d.path("drillId").asText().equals(drillId)) row = d;
      }
      if (row != null && !row.path("outcome").asText().matches("SCHEDULED|RUNNING")) return row;
      Thread.sleep(250);
    }
    throw new AssertionError("drill " + drillId + " did not finish within 60 s: " + row);
  }
}
