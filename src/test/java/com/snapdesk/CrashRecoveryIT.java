package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.AppNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * Nodes of the packaged jar on one PostgreSQL, killed with SIGKILL while their jobs are in flight: another node takes
 * the jobs over once their lock (60 s) expires, and a node that starts again under its own id releases them at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

  static final Path WORK = Path.of("target/crash-recovery-it");
  static final String ADMIN_PASSWORD = "recovery-" + System.nanoTime();
  static final int TICKETS = 12;
  static final ObjectMapper json = new ObjectMapper();
  static final HttpClient http = HttpClient.newHttpClient();

  static EmbeddedPostgres postgres;
  static GreenMail smtp;

  @BeforeAll
  static void servers() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    postgres = EmbeddedPostgres.builder().start();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (smtp != null) smtp.stop();
    if (postgres != null) postgres.close();
  }

  static AppNode node(String id) {
    return AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve(id))
        .env("SPRING_PROFILES_ACTIVE", "postgres").env("SNAPDESK_NODE_ID", id)
        .env("SNAPDESK_DB_HOST", "localhost").env("SNAPDESK_DB_PORT", postgres.getPort())
        .env("SNAPDESK_DB_NAME", "postgres").env("SNAPDESK_DB_USER", "postgres").env("SNAPDESK_DB_PASSWORD", "postgres")
        .env("SNAPDESK_ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("SPRING_MAIL_HOST", "127.0.0.1").env("SPRING_MAIL_PORT", smtp.getSmtp().getPort())
        .start();
  }

  @Test
  @Order(1)
  void aSurvivingNodeTakesOverTheJobsOfAKilledOneAfterTheirLock() throws Exception {
    // given node a has taken a burst of tickets and is working on their jobs
    try (AppNode a = node("desk-a")) {
      a.awaitReady(Duration.ofMinutes(3));
      submitBurst(a);
      Thread.sleep(500);
      // when a is killed
      a.kill();
    }
    try (AppNode b = node("desk-b")) {
      b.awaitReady(Duration.ofMinutes(3));
      long start = System.nanoTime();
      // then b brings every ticket to the review task, within the lock time and a few acquisition rounds
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
          .until(() -> reviewTasks(b) == TICKETS);
      System.out.printf("Crash recovery by another node: all %d tickets at review %.1f s after it was ready%n",
          TICKETS, (System.nanoTime() - start) / 1e9);
    }
  }

  @Test
  @Order(2)
  void aNodeStartingAgainUnderItsIdReleasesItsJobsAtOnce() throws Exception {
    try (AppNode a = node("desk-a")) {
      a.awaitReady(Duration.ofMinutes(3));
      submitBurst(a);
      Thread.sleep(500);
      a.kill();
    }
    try (AppNode a = node("desk-a")) {
      a.awaitReady(Duration.ofMinutes(3));
      long start = System.nanoTime();
      // well before the 60 s lock would have expired
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
          .until(() -> reviewTasks(a) == 2 * TICKETS);
      System.out.printf("Crash recovery by the restarted node: all %d tickets at review %.1f s after it was ready%n",
          TICKETS, (System.nanoTime() - start) / 1e9);
      assertThat(a.output()).contains("released");
    }
  }

  private static int reviewTasks(AppNode node) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
            + "/engine-rest/task/count?processDefinitionKey=BackupRetrieval&taskDefinitionKey=Task_ReviewRequest"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).get("count").asInt();
  }

  private static void submitBurst(AppNode node) throws Exception {
    for (int i = 0; i < TICKETS; i++) {
      String body = json.writeValueAsString(SnapdeskTestData.request().environment("staging")
          .at(AppNode.daysAgo(3), "14:30").with("reason", "Crash " + i).fields());
      var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/tickets"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
  }
}
