package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.AppNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A ticket that was answered {@code 202} survives the app being killed right after the answer: the packaged jar on
 * its embedded defaults (H2 file database) takes a burst of submissions, is killed with SIGKILL the moment the last
 * answer arrives, and after a restart on the same files every acknowledged ticket and its process are there. A
 * second node on the same files is refused with Spring Boot's short failure report.
 */
class CrashDurabilityIT {

  static final Path WORK = Path.of("target/crash-durability-it");
  static final String ADMIN_PASSWORD = "crash-" + System.nanoTime();
  static final ObjectMapper json = new ObjectMapper();
  static final HttpClient http = HttpClient.newHttpClient();

  record Acknowledged(String ticketId) {}

  static AppNode.Builder embedded() {
    return AppNode.jar(AppNode.packagedJar()).workDir(WORK)
        .env("CAMUNDA_BPM_ADMIN_USER_ID", "admin").env("CAMUNDA_BPM_ADMIN_USER_PASSWORD", ADMIN_PASSWORD)
        .generousRateLimits();
  }

  @Test
  void everyAcknowledgedTicketIsThereAfterAKillRightAfterTheAnswers() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    List<Acknowledged> acknowledged = new ArrayList<>();

    // given the jar on its embedded defaults, taking 12 submissions from 4 clients at once
    try (AppNode app = embedded().start()) {
      app.awaitReady(Duration.ofMinutes(3));
      var clients = Executors.newFixedThreadPool(4);
      List<Future<Acknowledged>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        answers.add(clients.submit((Callable<Acknowledged>) () -> submit(app, n)));
      }
      for (Future<Acknowledged> answer : answers) acknowledged.add(answer.get());
      // when it is killed the moment the last answer arrived
      app.kill();
      clients.shutdown();
    }

    // then after a restart on the same files, every acknowledged ticket has its process (started in the same
    // transaction as the ticket row), and there is no other
    try (AppNode app = embedded().start()) {
      app.awaitReady(Duration.ofMinutes(3));
      var instances = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
              + "/engine-rest/history/process-instance?processDefinitionKey=BackupRetrieval"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(json.readTree(instances.body()).findValuesAsText("businessKey"))
          .containsExactlyInAnyOrderElementsOf(acknowledged.stream().map(Acknowledged::ticketId).toList());

      // and a second node started on the same files meanwhile refuses with a short report, not a stack trace
      try (AppNode second = embedded().start()) {
        assertThat(second.awaitExit(Duration.ofMinutes(2))).isNotZero();
        assertThat(second.output()).contains("APPLICATION FAILED TO START", "The embedded H2 database is open in"
            + " another process", "single-node", "SPRING_PROFILES_ACTIVE=postgres").doesNotContain("Caused by:");
      }
      assertThat(app.isAlive()).isTrue();
    }
  }

  private static Acknowledged submit(AppNode app, int n) throws Exception {
    String body = json.writeValueAsString(SnapdeskTestData.request().environment(n % 2 == 0 ? "staging" : "production")
        .at(AppNode.daysAgo(3), "14:30").with("reason", "Crash test " + n).fields());
    var response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/tickets"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return new Acknowledged(json.readTree(response.body()).get("ticketId").asText());
  }
}
