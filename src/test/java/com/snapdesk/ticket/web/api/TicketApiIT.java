package com.snapdesk.ticket.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.SnapdeskTestData;
import java.util.HashMap;
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
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    int count = ticketCount();

    // when the client retries it
    var second = post(validBody(), key);

    // then the same ticket and token come back and nothing new is created
    assertThat(second.getStatusCode().value()).isEqualTo(201);
    assertThat(second.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    JsonNode a = json.readTree(first.getBody());
    JsonNode b = json.readTree(second.getBody());
    assertThat(b.get("ticketId")).isEqualTo(a.get("ticketId"));
    assertThat(b.get("accessToken")).isEqualTo(a.get("accessToken"));
    assertThat(ticketCount()).isEqualTo(count);
  }

  @Test
  void refusesAnIdempotencyKeyReusedForAnotherRequest() throws Exception {
    String key = "5d1e7a2b-idem-" + System.nanoTime();
    assertThat(post(validBody(), key).getStatusCode().value()).isEqualTo(201);
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
  void answersAStrangerAsIfAnyoneMayAsk() throws Exception {
    // given someone who is not a contact, for a project that does not exist
    var body = validBody();
    body.put("customerEmail", "mallory@evil.example");
    body.put("projectId", "doesnotexist1");

    // when they submit, then the answer is the same 201 a real project gets: existence is not revealed
    assertThat(post(body, null).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void hidesTicketsBehindTheirToken() throws Exception {
    JsonNode created = json.readTree(post(validBody(), null).getBody());
    String id = created.get("ticketId").asText();
    var ok = http().get().uri("/api/tickets/{id}", id)
        .header("Authorization", "Bearer " + created.get("accessToken").asText()).retrieve().toEntity(String.class);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(json.readTree(ok.getBody()).get("requested").get("utc").asText()).isEqualTo("2026-11-20 19:30 UTC");

    JsonNode missing = problem(http().get().uri("/api/tickets/{id}", "SD-NOPE0000")
        .header("Authorization", "Bearer " + created.get("accessToken").asText()).retrieve().toEntity(String.class), 404);
    JsonNode wrong = problem(http().get().uri("/api/tickets/{id}", id)
        .header("Authorization", "Bearer x" + created.get("accessToken").asText()).retrieve().toEntity(String.class), 404);
    assertThat(wrong.get("detail")).isEqualTo(missing.get("detail"));
  }
}
