package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.AppNode;
import com.snapdesk.support.MailMessages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * What operators get: the repackaged jar from {@code package}, started with {@code java -jar} in its own process on
 * a real PostgreSQL and a real SMTP server, configured only by the environment variables the README names. Then
 * the layout of the container image (the jar extracted by Spring Boot's tools jarmode) on the same database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

  static final List<String> MODELS = List.of(
      "approval-policy.dmn", "backup-retrieval.bpmn", "forms/lead-approval.form", "forms/review-request.form",
      "restore-drill.bpmn");
  static final String ADMIN_PASSWORD = "packaged-" + System.nanoTime();
  static final Path WORK = Path.of("target/packaged-jar-it");

  static EmbeddedPostgres postgres;
  static GreenMail smtp;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void servers() throws Exception {
    FileSystemUtils.deleteRecursively(WORK);
    // pg_stat_statements: what the node sends, as PostgreSQL received it
    postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
    // the database and role as the README's "Run in production" creates them
    try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("create role snapdesk login password 'snapdesk-db'");
      s.execute("create database snapdesk owner snapdesk");
    }
    try (var c = postgres.getDatabase("postgres", "snapdesk").getConnection(); var s = c.createStatement()) {
      s.execute("create extension pg_stat_statements");
    }
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (smtp != null) smtp.stop();
    if (postgres != null) postgres.close();
  }

  static final java.util.regex.Pattern MULTI_ROW_INSERT = java.util.regex.Pattern.compile(
      "(?is)^\\s*insert into \\w+\\s*\\(.*\\)\\s*values\\s*\\(.*\\)\\s*,\\s*\\(.*\\)\\s*$");

  static List<String> statements(String like) throws Exception {
    try (var c = postgres.getDatabase("postgres", "snapdesk").getConnection();
         var query = c.prepareStatement("select query from pg_stat_statements where query ilike ?")) {
      query.setString(1, like);
      List<String> found = new java.util.ArrayList<>();
      try (var rows = query.executeQuery()) {
        while (rows.next()) found.add(rows.getString(1));
      }
      return found;
    }
  }

  static AppNode.Builder onPostgres(AppNode.Builder node) {
    return node.onPostgres(postgres.getPort(), "snapdesk", "snapdesk", "snapdesk-db", ADMIN_PASSWORD)
        .smtp(smtp.getSmtp().getPort());
  }

  @Test
  @Order(1)
  void theJarDeploysItsModelsTakesATicketAndAsksTheContactToConfirmIt() throws Exception {
    // given the packaged jar on PostgreSQL with SMTP, the postgres profile and an admin password
    try (AppNode app = onPostgres(AppNode.jar(AppNode.packagedJar())).workDir(WORK.resolve("jar")).start()) {
      // when it starts, then it becomes ready
      Duration ready = app.awaitReady(Duration.ofMinutes(3));
      System.out.printf("Packaged jar: ready on PostgreSQL after %.1f s%n", ready.toMillis() / 1000.0);

      // and it deployed the process, the policy and both forms under the names spring-boot:run uses
      assertThat(deployedResources(app)).containsExactlyInAnyOrderElementsOf(MODELS);
      assertThat(get(app, "/engine-rest/process-definition/key/BackupRetrieval", "admin", ADMIN_PASSWORD).statusCode())
          .isEqualTo(200);
      assertThat(get(app, "/engine-rest/decision-definition/key/ApprovalPolicy", "admin", ADMIN_PASSWORD).statusCode())
          .isEqualTo(200);

      // and it has no demo users: alice's known password opens nothing
      assertThat(get(app, "/engine-rest/task", "alice", "alice").statusCode()).isEqualTo(401);
      assertThat(get(app, "/engine-rest/user?id=alice", "admin", ADMIN_PASSWORD).body()).isEqualTo("[]");

      // when a customer submits a ticket over HTTP
      HttpResponse<String> created = post(app, "/api/tickets", ticketBody());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
      String ticketId = json.readTree(created.body()).get("ticketId").asText();

      // then the contact is asked over SMTP to confirm, and confirming with the link's token puts it up for review
      await().atMost(Duration.ofSeconds(60)).until(() -> mailsFor(ticketId).size() == 1);
      assertThat(mailsFor(ticketId).get(0).to()).isEqualTo(SnapdeskTestData.ACME_CONTACT);
      assertThat(mailsFor(ticketId).get(0).subject()).contains(Requester.VERIFICATION_SUBJECT);
      Requester.confirm(app.baseUrl(), ticketId, () -> mailsFor(ticketId));
      await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(get(app,
          "/engine-rest/task/count?taskDefinitionKey=Task_ReviewRequest", "admin", ADMIN_PASSWORD).body())
          .get("count").asInt() == 1);

      // and the engine's new rows went as multi-row inserts (the postgres profile's reWriteBatchedInserts)
      assertThat(statements("%insert into act_ru_variable%")).anyMatch(MULTI_ROW_INSERT.asPredicate());

      // and, idle, it uses this much memory
      Thread.sleep(3000);
      System.out.printf("Packaged jar: idle RSS %d MiB (-Xmx512m)%n", app.residentKib() / 1024);
    }
  }

  @Test
  @Order(2)
  void theContainerImageLayoutStartsOnTheSameDatabaseWithoutRedeploying() throws Exception {
    // given the jar extracted as the Dockerfile's build stage does it
    Path extracted = WORK.resolve("extracted");
    var extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djarmode=tools", "-jar", AppNode.packagedJar().toAbsolutePath().toString(),
        "extract", "--destination", extracted.toAbsolutePath().toString())
        .redirectErrorStream(true).start();
    String extractOutput = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(extract.waitFor()).as(extractOutput).isZero();
    Path jar = Files.list(extracted).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();

    // when it starts on the database the fat jar used
    try (AppNode app = onPostgres(AppNode.jar(jar)).workDir(WORK.resolve("image")).start()) {
      Duration ready = app.awaitReady(Duration.ofMinutes(3));
      System.out.printf("Extracted layout: ready on PostgreSQL after %.1f s%n", ready.toMillis() / 1000.0);

      // then the models are the same deployment: one, not a new version
      JsonNode deployments = json.readTree(get(app, "/engine-rest/deployment?name=snapdesk", "admin", ADMIN_PASSWORD).body());
      assertThat(deployments).hasSize(1);
      assertThat(deployedResources(app)).containsExactlyInAnyOrderElementsOf(MODELS);
      assertThat(json.readTree(get(app, "/engine-rest/process-definition/key/BackupRetrieval", "admin", ADMIN_PASSWORD)
          .body()).get("version").asInt()).isEqualTo(1);

      // when the database goes away, readiness says so while liveness stays up
      postgres.close();
      postgres = null;
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
          .until(() -> get(app, "/actuator/health/readiness", null, null).statusCode() == 503);
      assertThat(get(app, "/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(3)
  void theJarWithoutAProfileRunsTheEmbeddedDefaultsWithoutDemoUsers() throws Exception {
    // given the plain jar with no profile: H2 file database, .eml outbox, demo inventory; an admin from the environment
    // (a fresh folder: a rerun in another JVM has another admin password than the database a first run left)
    FileSystemUtils.deleteRecursively(WORK.resolve("embedded"));
    try (AppNode app = AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve("embedded"))
        .env("CAMUNDA_BPM_ADMIN_USER_ID", "admin").env("CAMUNDA_BPM_ADMIN_USER_PASSWORD", ADMIN_PASSWORD).start()) {
      Duration ready = app.awaitReady(Duration.ofMinutes(3));
      System.out.printf("Packaged jar: ready on its embedded defaults after %.1f s%n", ready.toMillis() / 1000.0);

      // then the models are deployed under the same names, and the demo's known passwords open nothing
      assertThat(deployedResources(app)).containsExactlyInAnyOrderElementsOf(MODELS);
      assertThat(get(app, "/engine-rest/task", "alice", "alice").statusCode()).isEqualTo(401);
      assertThat(get(app, "/engine-rest/task", "admin", "admin").statusCode()).isEqualTo(401);
      assertThat(post(app, "/api/tickets", ticketBody()).statusCode()).isEqualTo(202);
      // and Tasklist gets Snapdesk's script and styles from the jar, not the webjar's empty examples
      assertThat(get(app, "/camunda/app/tasklist/scripts/config.js", null, null).body()).contains("due-date-sorting");
      assertThat(get(app, "/camunda/app/tasklist/styles/user-styles.css", null, null).body())
          .contains(".fjs-form-field-select .fjs-input-group");
    }
  }

  @Test
  @Order(4)
  void thePostgresProfileWithoutAnAdminPasswordRefusesToStartAndNamesTheProperty() {
    // given the postgres profile and no admin password
    try (AppNode app = AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve("no-admin"))
        .env("SPRING_PROFILES_ACTIVE", "postgres").env("SNAPDESK_DB_PORT", AppNode.freePort())
        .env("SNAPDESK_DB_PASSWORD", "snapdesk-db").start()) {
      // then it stops by itself, saying which property to set
      assertThat(app.awaitExit(Duration.ofMinutes(2))).isNotZero();
      assertThat(app.output()).contains("APPLICATION FAILED TO START").contains("camunda.bpm.admin-user.password")
          .contains("SNAPDESK_ADMIN_PASSWORD");
    }
  }

  private List<String> deployedResources(AppNode app) throws Exception {
    JsonNode deployments = json.readTree(get(app, "/engine-rest/deployment?name=snapdesk", "admin", ADMIN_PASSWORD).body());
    assertThat(deployments).isNotEmpty();
    String id = deployments.get(0).get("id").asText();
    JsonNode resources = json.readTree(get(app, "/engine-rest/deployment/" + id + "/resources", "admin", ADMIN_PASSWORD).body());
    return StreamSupport.stream(resources.spliterator(), false).map(r -> r.get("name").asText()).toList();
  }

  private List<MailMessages.Mail> mailsFor(String ticketId) {
    return Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read)
        .filter(m -> m.subject().contains(ticketId)).toList();
  }

  private static String ticketBody() throws Exception {
    return json.writeValueAsString(SnapdeskTestData.request().environment("staging").at(AppNode.daysAgo(3), "14:30")
        .with("reason", "Packaged jar check").fields());
  }

  private static HttpResponse<String> get(AppNode app, String path, String user, String password) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(60));
    if (user != null) request.header("Authorization", basic(user, password));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(AppNode app, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
