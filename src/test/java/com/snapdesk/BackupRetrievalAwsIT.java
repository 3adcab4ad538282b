package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.aws.AwsStandIn;
import com.snapdesk.support.aws.FakeEc2;
import com.snapdesk.support.aws.S3MockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whole tickets on {@code snapdesk.backend=aws}: the app's SDK clients talk HTTP to one local endpoint where WireMock
 * plays EC2 and SSM and hands S3 requests to S3Mock (its own JVM). Driven over HTTP as customers, agents and leads
 * do; the engine clock (Snapdesk's) is moved to fire the retrieval polls and the expiry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:aws-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=500",
    "snapdesk.mail.outbox-dir=target/it-aws/outbox",
    "snapdesk.backend=aws",
    "snapdesk.aws.region=us-east-1",
    "snapdesk.aws.projects=src/test/resources/inventory/aws-projects.json",
    "snapdesk.aws.kms-key-id=alias/snapdesk-recovery",
    "snapdesk.aws.dump-bucket=" + BackupRetrievalAwsIT.BUCKET,
    "snapdesk.aws.cleanup-wait=PT10S",
    "snapdesk.tickets.retrieval-poll-interval=PT1M"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRetrievalAwsIT {

  static final String BUCKET = "acme-dumps";
  static final String ACME = SnapdeskTestData.ACME;
  static final String CONTACT = SnapdeskTestData.ACME_CONTACT;
  static final String PROD_NODE = "i-0abc1234def567890";
  static final Path OUTBOX = Path.of("target/it-aws/outbox");
  static final byte[] DUMP = "-- dump of acme staging at rp-s0\n".getBytes(StandardCharsets.UTF_8);

  static final S3MockServer s3mock;
  static final AwsStandIn aws;

  static {
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    System.setProperty("aws.disableEc2Metadata", "true");
    s3mock = S3MockServer.start(BUCKET);
    aws = new AwsStandIn(s3mock.endpoint());
    Instant t = Instant.parse("2026-11-25T12:00:00Z");
    aws.ec2.pageSize(2)
        .instance(PROD_NODE, "us-east-1a")
        .snapshot("snap-0a1b2c3d4e5f60718", t, tags("rp-p0", "production"))
        .snapshot("snap-0f1e2d3c4b5a69788", t.plusSeconds(40), tags("rp-p0", "production"))
        .snapshot("snap-01234567890abcdef", t.plusSeconds(3600), tags("rp-p1", "production"))
        .snapshot("snap-0fedcba9876543210", t.minusSeconds(86_400), tags("rp-p2", "production"))
        .snapshot("snap-05a5a5a5a5a5a5a5a", t, tags("rp-s0", "staging"));
    s3().putObject(b -> b.bucket(BUCKET).key(ACME + "/staging/rp-s0.sql.gz"), RequestBody.fromBytes(DUMP));
  }

  static Map<String, String> tags(String point, String environment) {
    return Map.of("snapdesk:project", ACME, "snapdesk:environment", environment, "snapdesk:recovery-point", point,
        "snapdesk:type", "automatic");
  }

  /** Straight to S3Mock, to see what the app left in the bucket. */
  static S3Client s3() {
    return S3Client.builder().region(Region.US_EAST_1).endpointOverride(s3mock.endpoint()).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
  }

  @DynamicPropertySource
  static void endpoint(DynamicPropertyRegistry registry) {
    registry.add("snapdesk.aws.endpoint", () -> aws.endpoint().toString());
  }

  @AfterAll
  static void stopServers() {
    FixedClockConfiguration.pin();
    aws.close();
    s3mock.close();
  }

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  @Order(1)
  void aContactGetsTheirStagingDatabaseAsADownloadLinkThatIsRemovedWhenTheyAreDone() throws Exception {
    // given a registered contact asks for the staging database as it was yesterday
    Ticket t = submit("staging", "database");
    // when an agent approves (staging, one day old: no lead needed)
    approve(t, "alice");

    // then the ticket is READY at once with the app's download URL for a delivered copy of the pipeline's dump
    JsonNode ready = awaitStatus(t, "READY");
    URI appLink = URI.create(ready.get("delivery").get("location").asText());
    assertThat(ready.get("delivery").has("node")).isFalse();
    assertThat(appLink.getPath()).isEqualTo("/tickets/" + t.id + "/download");
    Mail instructions = awaitMail(t, "restore instructions");
    assertThat(instructions.text()).contains("Download the database dump from this link", "/tickets/" + t.id
        + "/download?token=", "rp-s0").doesNotContain(aws.endpoint().toString(), "X-Amz");
    assertThat(aws.ec2.calls("CreateVolume")).as("no volumes for a download").isEmpty();

    // when the customer follows it, they are sent on to a storage link that lives five minutes, which downloads it
    HttpResponse<String> redirect = follow(appLink);
    assertThat(redirect.statusCode()).isEqualTo(302);
    String storageLink = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(storageLink).startsWith(aws.endpoint() + "/" + BUCKET + "/deliveries/" + t.id.toLowerCase()
        + "/rp-s0.sql.gz?").contains("X-Amz-Expires=300");
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(storageLink)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(DUMP);
    // and the emailed URL works the same way, with that email's own token
    String emailed = instructions.text().replaceAll("(?s).*(/tickets/" + t.id + "/download\\?token=[A-Za-z0-9_-]+).*", "$1");
    assertThat(follow(URI.create(emailed)).statusCode()).isEqualTo(302);
    // but a wrong token gets nowhere
    assertThat(follow(URI.create("/tickets/" + t.id + "/download?token=" + "x".repeat(43))).statusCode())
        .isEqualTo(404);

    // when the customer confirms they are done
    assertThat(customer(t, "confirm").getStatusCode().value()).isEqualTo(202);

    // then the delivered copy is deleted, the pipeline's dump stays, and the ticket is closed
    awaitStatus(t, "CLOSED");
    // and neither the app's URL nor the storage link handed out before downloads anything any more
    assertThat(follow(appLink).statusCode()).isEqualTo(404);
    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(storageLink)).build(),
        HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(404);
    try (S3Client s3 = s3()) {
      assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("deliveries/")).contents()).isEmpty();
      assertThat(s3.headObject(b -> b.bucket(BUCKET).key(ACME + "/staging/rp-s0.sql.gz")).contentLength())
          .isEqualTo(DUMP.length);
    }
  }

  @Test
  @Order(2)
  void productionDataIsRetrievedAsVolumesOnTheFirstNodeAndRemovedAtExpiry() throws Exception {
    // given a production request for 07:20 New York time yesterday: between rp-p0 (12:00Z, two snapshots with ids as
    // long as EC2's) and rp-p1 (13:00Z)
    Ticket t = submit("production", "full");
    JsonNode received = awaitStatus(t, "AWAITING_APPROVAL");
    assertThat(received.get("chosenRecoveryPoint").get("id").asText()).isEqualTo("rp-p0");

    // when agent alice, then lead leo approve
    approve(t, "alice");
    approve(t, "leo");

    // then, poll by poll of the process timer, two encrypted volumes are created and attached to the first node
    JsonNode ready = awaitStatusMovingTime(t, "READY");
    String recoveryId = t.id.toLowerCase();
    assertThat(aws.ec2.volumes()).hasSize(2).allSatisfy(v -> {
      assertThat(v.tags).containsEntry("snapdesk:ticket", t.id).containsEntry("snapdesk:recovery", recoveryId);
      assertThat(v.instanceId).isEqualTo(PROD_NODE);
      assertThat(v.attachment).isEqualTo("attached");
      assertThat(v.zone).isEqualTo("us-east-1a");
    });
    assertThat(aws.ec2.calls("CreateVolume")).allSatisfy(c -> assertThat(c)
        .containsEntry("Encrypted", "true").containsEntry("KmsKeyId", "alias/snapdesk-recovery")
        .containsEntry("ClientToken", "snapdesk-" + recoveryId + "-" + c.get("SnapshotId")));
    assertThat(ready.get("timeline").findValuesAsText("description"))
        .contains("Creating the 2 recovery volumes from recovery point rp-p0.");

    // and the restore instructions name the location on the first node and the devices
    Mail instructions = awaitMail(t, "restore instructions");
    assertThat(instructions.text()).contains("/mnt/recovery-" + recoveryId, PROD_NODE, "/dev/sdf", "/dev/sdg", "rp-p0");
    assertThat(ready.get("delivery").get("location").asText()).isEqualTo("/mnt/recovery-" + recoveryId);

    // when seven days pass without the customer confirming
    Instant expiresAt = Instant.parse(ready.get("delivery").get("expiresAt").asText());
    ClockUtil.setCurrentTime(Date.from(expiresAt.plusSeconds(60)));

    // then the volumes are detached, waited for and deleted, and the ticket is closed
    awaitStatus(t, "CLOSED");
    assertThat(aws.ec2.volumes()).isEmpty();
    assertThat(aws.ec2.calls("DetachVolume")).hasSize(2);
    assertThat(aws.ec2.calls("DeleteVolume")).hasSize(2);
    assertThat(aws.ec2.forbiddenCalls()).as("requests that would delete or change a backup snapshot").isEmpty();
    assertThat(aws.ec2.actions()).doesNotContainAnyElementsOf(FakeEc2.FORBIDDEN);
  }

  // --- as customers, agents and leads -----------------------------------------------------------------

  record Ticket(String id, String token) {}

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  /** Follows an app link on this test's port without following its redirect. */
  private HttpResponse<String> follow(URI appLink) throws Exception {
    URI local = URI.create("http://localhost:" + port + appLink.getRawPath() + "?" + appLink.getRawQuery());
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
        .send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
  }

  private Ticket submit(String environment, String scope) throws Exception {
    var answer = http().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("customerEmail", CONTACT, "customerName", "Olga Ops", "projectId", ACME,
            "environment", environment, "requestedDate", "2026-11-25", "requestedTime", "07:20",
            "timezone", "America/New_York", "scope", scope, "reason", "Orders lost in a bad import"))
        .retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
    String id = json.readTree(answer.getBody()).get("ticketId").asText();
    return new Ticket(id, Requester.confirm("http://localhost:" + port, id, () -> MailMessages.outbox(OUTBOX)));
  }

  private JsonNode status(Ticket t) throws Exception {
    return json.readTree(http().get().uri("/api/tickets/{id}", t.id)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + t.token).retrieve().body(String.class));
  }

  private JsonNode awaitStatus(Ticket t, String status) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> status(t), s -> status.equals(s.get("status").asText()));
  }

  /** Waits for a status while moving Snapdesk's clock a poll interval at a time, so the retrieval timer fires. */
  private JsonNode awaitStatusMovingTime(Ticket t, String status) {
    Predicate<JsonNode> reached = s -> status.equals(s.get("status").asText());
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(700)).until(() -> {
      JsonNode s = status(t);
      // Only between jobs: jumping past a running job's 60 s lock would let a second acquisition take it over.
      if (!reached.test(s) && lockedJobs() == 0) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(61)));
      }
      return s;
    }, reached);
  }

  private int lockedJobs() {
    return jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null").query(Integer.class).single();
  }

  private void approve(Ticket t, String user) throws Exception {
    JsonNode task = await().atMost(Duration.ofSeconds(60)).until(() -> {
      JsonNode tasks = json.readTree(http().get().uri("/engine-rest/task?processInstanceBusinessKey={id}", t.id)
          .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class));
      return tasks.size() == 1 ? tasks.get(0) : null;
    }, x -> x != null);
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", Map.of("value", "approve", "type", "String"));
    var done = http().post().uri("/engine-rest/task/{id}/complete", task.get("id").asText())
        .headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables)).retrieve().toEntity(String.class);
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
  }

  private org.springframework.http.ResponseEntity<String> customer(Ticket t, String action) {
    return http().post().uri("/api/tickets/{id}/" + action, t.id)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + t.token).retrieve().toEntity(String.class);
  }

  private Mail awaitMail(Ticket t, String subjectPart) {
    return await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<Mail> mails = MailMessages.outbox(OUTBOX);
      return mails.stream().filter(m -> m.subject().contains(t.id) && m.subject().contains(subjectPart)).findFirst()
          .orElse(null);
    }, m -> m != null);
  }
}
