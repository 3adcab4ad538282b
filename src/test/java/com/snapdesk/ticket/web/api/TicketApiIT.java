package com.snapdesk.ticket.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The customer API's answers to what people actually type, over HTTP on the embedded app. */
@EmbeddedAppTest
class TicketApiIT {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  private static Map<String, Object> validBody() {
    return new HashMap<>(SnapdeskTestData.request().at("2026-11-20", "14:30").with("scope", "full")
        .with("reason", "A bad import").fields());
  }

  private ResponseEntity<String> post(Map<String, Object> body, String idempotencyKey) {
    return http().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .headers(h -> { if (idempotencyKey != null) h.set("Idempotency-Key", idempotencyKey); })
        .body(body).retrieve().toEntity(String.class);
  }

  private JsonNode problem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    return json.readTree(response.getBody());
  }

  private int ticketCount() {
    return jdbc.sql("select count(*) from ticket").query(Integer.class).single();
  }

  @Test
  void namesTheSpringForwardGapAndSuggestsTheNextValidTime() throws Exception {
    // given 02:30 on 2026-03-08 in New York, a time that never happened
    var body = validBody();
    body.put("requestedDate", "2026-03-08");
    body.put("requestedTime", "02:30");
    int before = ticketCount();

    // when it is submitted
    JsonNode p = problem(post(body, null), 400);

    // then the time field explains the gap, suggests 03:00, and nothing was stored
    JsonNode error = p.get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("requestedTime");
    assertThat(error.get("message").asText()).contains("02:00–03:00", "does not exist", "03:00");
    assertThat(ticketCount()).isEqualTo(before);
  }

  @Test
  void reportsEveryMistakeBesideItsField() throws Exception {
    // given a request with an unknown zone, no name, a bad scope and an overlong reason
    var body = validBody();
    body.put("timezone", "Mars/Olympus_Mons");
    body.remove("customerName");
    body.put("scope", "everything");
    body.put("reason", "x".repeat(2001));

    // when it is submitted
    JsonNode p = problem(post(body, null), 400);

    // then each problem is listed with its field
    assertThat(p.get("errors").findValuesAsText("field"))
        .contains("timezone", "customerName", "scope", "reason");
    assertThat(p.get("title").asText()).isNotBlank();
  }

  @Test
  void refusesAMomentInTheFuture() throws Exception {
    var body = validBody();
    body.put("requestedDate", "2026-11-27");
    JsonNode p = problem(post(body, null), 400);
    assertThat(p.get("errors").get(0).get("message").asText()).contains("future");
  }

  @Test
  void refusesAMomentOlderThanTheRetentionSchedule() throws Exception {
    var body = validBody();
    body.put("requestedDate", "2026-01-15");
    JsonNode p = problem(post(body, null), 400);
    assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("requestedDate");
    assertThat(p.get("errors").get(0).get("message").asText()).contains("one per hour", "one per month");
  }

  @Test
  void answersMalformedJsonWithAProblem() throws Exception {
    var response = http().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .body("{\"customerEmail\": ").retrieve().toEntity(String.class);
    JsonNode p = problem(response, 400);
    assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void replaysTheSameTicketForTheSameIdempotencyKey() throws Exception {
    // given a submission with an idempotency key
    String key = "0b6f3c1e-idem-" + System.nanoTime();
    var first = post(validBody(), key);
    assertThat(first.getStatusCode().value()).isEqualTo(202);
    int count = ticketCount();

    // when the client retries it, even after the process moved the ticket on
    String id = json.readTree(first.getBody()).get("ticketId").asText();
    Requester.awaitVerificationToken(id, this::outbox, Duration.ofSeconds(30));
    var second = post(validBody(), key);

    // then the very same answer comes back and nothing new is created
    assertThat(second.getStatusCode().value()).isEqualTo(202);
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(json.readTree(second.getBody())).isEqualTo(json.readTree(first.getBody()));
    assertThat(ticketCount()).isEqualTo(count);
  }

  @Test
  void refusesAnIdempotencyKeyReusedForAnotherRequest() throws Exception {
    String key = "5d1e7a2b-idem-" + System.nanoTime();
    assertThat(post(validBody(), key).getStatusCode().value()).isEqualTo(202);
    var other = validBody();
    other.put("requestedTime", "13:30");
    JsonNode p = problem(post(other, key), 422);
    assertThat(p.get("detail").asText()).contains("Idempotency-Key");
  }

  @Test
  void refusesAGuessableIdempotencyKey() throws Exception {
    JsonNode p = problem(post(validBody(), "1"), 400);
    assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
  }

  @Test
  void aStrangerANonContactAndAContactGetTheSameAnswerAndOnlyTheContactGetsMail() throws Exception {
    // given a stranger naming a project that does not exist, a non-contact naming Acme, and Acme's contact
    var stranger = validBody();
    stranger.put("customerEmail", "mallory@evil.example");
    stranger.put("projectId", "doesnotexist1");
    var nonContact = validBody();
    nonContact.put("customerEmail", "eve@acme-lookalike.example");
    var contact = validBody();

    // when they submit
    var answers = java.util.stream.Stream.of(stranger, nonContact, contact).map(b -> post(b, null)).toList();

    // then all three get a 202 with the same fields and status, and none gets a token
    for (var answer : answers) {
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
      JsonNode body = json.readTree(answer.getBody());
      assertThat(body.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
      assertThat(fieldNames(body)).containsExactly("ticketId", "status", "requestedInstant",
          "interpretation");
      assertThat(answer.getBody()).doesNotContain("token");
    }
    List<String> ids = answers.stream().map(a -> id(a)).toList();

    // and once the process has looked at them, only the contact was written to
    Requester.awaitVerificationToken(ids.get(2), this::outbox, Duration.ofSeconds(30));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(ids.get(0)).equals("REJECTED")
        && status(ids.get(1)).equals("REJECTED"));
    assertThat(outbox()).filteredOn(m -> m.subject().contains(ids.get(0)) || m.subject().contains(ids.get(1))
        || m.text().contains(ids.get(0)) || m.text().contains(ids.get(1))).isEmpty();
  }

  @Test
  void openingTheEmailedLinkShowsTheRequestButOnlyTheButtonConfirmsIt() throws Exception {
    // given a contact's request and the link from the email
    String id = id(post(validBody(), null));
    String token = Requester.awaitVerificationToken(id, this::outbox, Duration.ofSeconds(30));

    // when a mail scanner (or the customer) opens the link
    var page = http().get().uri("/tickets/{id}?token={token}", id, token).retrieve().toEntity(String.class);

    // then the page shows the request and the Confirm button, and nothing is confirmed
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Is this your request?", "Confirm this request");
    // (a confirming GET would have changed the status before answering)
    assertThat(status(id)).isEqualTo("AWAITING_VERIFICATION");
    assertThat(jdbc.sql("select count(*) from act_ru_task where proc_inst_id_ in (select id_ from act_ru_execution "
        + "where business_key_ = :id)").param("id", id).query(Integer.class).single()).isZero();

    // when the requester confirms with the token from the link
    assertThat(Requester.verify("http://localhost:" + port, id, token)).isEqualTo(202);

    // then the request waits for an agent
    await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("AWAITING_APPROVAL"));
  }

  @Test
  void confirmingNeedsTheTokenFromTheEmail() throws Exception {
    String id = id(post(validBody(), null));
    Requester.awaitVerificationToken(id, this::outbox, Duration.ofSeconds(30));
    assertThat(Requester.verify("http://localhost:" + port, id, "x".repeat(43))).isEqualTo(404);
    assertThat(http().post().uri("/api/tickets/{id}/verify", id).retrieve().toBodilessEntity()
        .getStatusCode().value()).isEqualTo(404);
    assertThat(status(id)).isEqualTo("AWAITING_VERIFICATION");
  }

  @Test
  void hidesTicketsBehindTheTokenFromTheEmail() throws Exception {
    String id = id(post(validBody(), null));
    String token = Requester.awaitVerificationToken(id, this::outbox, Duration.ofSeconds(30));
    var ok = http().get().uri("/api/tickets/{id}", id)
        .header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(ok.getBody()).get("requested").get("utc").asText()).isEqualTo("2026-11-20 19:30 UTC");
    assertThat(json.readTree(ok.getBody()).get("allowedActions").toString()).contains("verify");

    JsonNode missing = problem(http().get().uri("/api/tickets/{id}", "SD-NOPE0000")
        .header("Authorization", "Bearer " + token).retrieve().toEntity(String.class), 404);
    JsonNode wrong = problem(http().get().uri("/api/tickets/{id}", id)
        .header("Authorization", "Bearer x" + token).retrieve().toEntity(String.class), 404);
    assertThat(wrong.get("detail")).isEqualTo(missing.get("detail"));
  }

  private String id(ResponseEntity<String> answer) {
    try {
      return json.readTree(answer.getBody()).get("ticketId").asText();
    } catch (Exception e) {
      throw new AssertionError(answer.getBody(), e);
    }
  }

  private String status(String ticketId) {
    return jdbc.sql("select status from ticket where id = :id").param("id", ticketId).query(String.class).single();
  }

  private List<MailMessages.Mail> outbox() {
    return MailMessages.outbox(Path.of(EmbeddedAppTest.OUTBOX));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
