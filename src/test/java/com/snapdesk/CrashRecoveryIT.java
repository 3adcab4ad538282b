package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
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
import java.util.ArrayList;
import java.util.List;
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
        .onPostgres(postgres.getPort(), ADMIN_PASSWORD).smtp(smtp.getSmtp().getPort()).env("SNAPDESK_NODE_ID", id)
        .env("SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES", "true") // two local-backend nodes, for the test
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
      // then b asks every requester to confirm (eligibility, resolution, the email), within the lock time and a few
      // acquisition rounds
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
          .until(() -> awaitingConfirmation(b) == TICKETS);
      System.out.printf("Crash recovery by another node: all %d tickets asked to confirm %.1f s after it was ready%n",
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
          .until(() -> awaitingConfirmation(a) == 2 * TICKETS);
      System.out.printf("Crash recovery by the restarted node: all %d tickets asked to confirm %.1f s after it was "
          + "ready%n", TICKETS, (System.nanoTime() - start) / 1e9);
      assertThat(a.output()).contains("released");

      // and every requester confirms with the link from their email: all tickets reach review
      for (String ticketId : submitted) {
        Requester.confirm(a.baseUrl(), ticketId, CrashRecoveryIT::mailbox);
      }
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> reviewTasks(a) == 2 * TICKETS);
    }
  }

  @Test
  @Order(3)
  void aNodeKilledWhileRetrievingAndMailingLeavesNoTicketAndNoInstructionMailBehind() throws Exception {
    // given the 24 tickets at review, approved by an agent on node a (staging: no lead needed)
    int instructionMailsBefore = instructionMails().size();
    try (AppNode a = node("desk-a")) {
      a.awaitReady(Duration.ofMinutes(3));
      asAdmin(a, "POST", "/engine-rest/user/create", """
          {"profile":{"id":"agent1","firstName":"Ada","lastName":"Agent","email":"agent1@snapdesk.example"},
           "credentials":{"password":"agent1-pw"}}""");
      asAdmin(a, "PUT", "/engine-rest/group/support-agents/members/agent1", null);
      var reviews = json.readTree(asAdmin(a, "GET",
          "/engine-rest/task?taskDefinitionKey=Task_ReviewRequest&maxResults=100", null).body());
      assertThat(reviews).hasSize(2 * TICKETS);
      for (var task : reviews) {
        var completed = send(a, "POST", "/engine-rest/task/" + task.get("id").asText() + "/complete",
            "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"decisionNote\":{\"value\":\"ok\"}}}",
            "agent1", "agent1-pw");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
      }
      // when a is killed while the retrieval and instruction-mail jobs run
      a.kill();
    }

    // then node b brings every ticket to READY and every customer has the restore instructions
    try (AppNode b = node("desk-b")) {
      b.awaitReady(Duration.ofMinutes(3));
      long start = System.nanoTime();
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> json.readTree(asAdmin(b,
          "GET", "/engine-rest/process-instance/count?activityIdIn=Task_AwaitConfirmation", null).body())
          .get("count").asInt() == 2 * TICKETS);
      System.out.printf("Crash during retrieval: all %d tickets READY %.1f s after the other node was ready%n",
          2 * TICKETS, (System.nanoTime() - start) / 1e9);
    }
    var mails = instructionMails().subList(instructionMailsBefore, instructionMails().size());
    var byTicket = mails.stream().collect(java.util.stream.Collectors.groupingBy(m -> m.subject().substring(1,
        m.subject().indexOf(']'))));
    System.out.printf("Crash during retrieval: %d restore-instruction mails for %d tickets%n", mails.size(),
        byTicket.size());
    assertThat(byTicket).as("tickets with restore instructions").hasSize(2 * TICKETS);
    // a mail sent twice in the crash window carries the same Message-ID, so mail clients show it once
    byTicket.forEach((ticket, copies) -> assertThat(copies.stream().map(InstructionMail::messageId).distinct())
        .as("Message-IDs of %s's instructions", ticket).hasSize(1));
  }

  record InstructionMail(String subject, String messageId) {}

  private static List<InstructionMail> instructionMails() throws Exception {
    List<InstructionMail> mails = new ArrayList<>();
    for (var message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains("restore instructions")) {
        mails.add(new InstructionMail(message.getSubject(), message.getMessageID()));
      }
    }
    return mails;
  }

  private static HttpResponse<String> asAdmin(AppNode node, String method, String path, String body) throws Exception {
    return send(node, method, path, body, "admin", ADMIN_PASSWORD);
  }

  private static HttpResponse<String> send(AppNode node, String method, String path, String body, String user,
                                           String password) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
    return response;
  }

  private static int awaitingConfirmation(AppNode node) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
            + "/engine-rest/execution/count?processDefinitionKey=BackupRetrieval&activityId=Task_AwaitVerification"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).get("count").asInt();
  }

  private static List<MailMessages.Mail> mailbox() {
    return java.util.Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read).toList();
  }

  private static int reviewTasks(AppNode node) throws Exception {
    var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl()
            + "/engine-rest/task/count?processDefinitionKey=BackupRetrieval&taskDefinitionKey=Task_ReviewRequest"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).get("count").asInt();
  }

  /** Every ticket this class submitted, in order. */
  private static final List<String> submitted = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static void submitBurst(AppNode node) throws Exception {
    for (int i = 0; i < TICKETS; i++) {
      String body = json.writeValueAsString(SnapdeskTestData.request().environment("staging")
          .at(AppNode.daysAgo(3), "14:30").with("reason", "Crash " + i).fields());
      var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/tickets"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      submitted.add(json.readTree(response.body()).get("ticketId").asText());
    }
  }
}
