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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Replies, cancellation, confirmation and four eyes, over HTTP as customers, agents and leads use them. */
@EmbeddedAppTest
class TicketLifecycleApiIT {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  private record Ticket(String id, String token) {}

  private Ticket submit(String environment) throws Exception {
    var body = SnapdeskTestData.request().environment(environment).fields();
    JsonNode accepted = json.readTree(http().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().body(String.class));
    String id = accepted.get("ticketId").asText();
    return new Ticket(id, Requester.confirm("http://localhost:" + port, id,
        () -> MailMessages.outbox(Path.of(EmbeddedAppTest.OUTBOX))));
  }

  private JsonNode status(Ticket t) throws Exception {
    return json.readTree(http().get().uri("/api/tickets/{id}", t.id())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + t.token()).retrieve().body(String.class));
  }

  private void awaitStatus(Ticket t, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> status(t).get("status").asText(), status::equals);
  }

  private JsonNode awaitTask(Ticket t, String user, String taskKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode tasks = json.readTree(http().get().uri("/engine-rest/task?processInstanceBusinessKey={id}", t.id())
          .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class));
      return tasks.size() == 1 && taskKey.equals(tasks.get(0).get("taskDefinitionKey").asText()) ? tasks.get(0) : null;
    }, task -> task != null);
  }

  private ResponseEntity<String> complete(JsonNode task, String user, Map<String, Object> variables) {
    Map<String, Object> typed = new java.util.HashMap<>();
    variables.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
    return http().post().uri("/engine-rest/task/{id}/complete", task.get("id").asText())
        .headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed)).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> customer(Ticket t, String action, Object body) {
    var spec = http().post().uri("/api/tickets/{id}/" + action, t.id())
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + t.token());
    if (body != null) spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
    return spec.retrieve().toEntity(String.class);
  }

  @Test
  void theReviewingAgentCannotAlsoApproveAsLead() throws Exception {
    // given Lena (agent and lead) approves a production request as its reviewer
    Ticket t = submit("production");
    JsonNode review = awaitTask(t, "lena", "Task_ReviewRequest");
    assertThat(complete(review, "lena", Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);

    // when she tries to complete the lead approval herself
    JsonNode lead = awaitTask(t, "lena", "Task_LeadApproval");
    var refused = complete(lead, "lena", Map.of("decision", "approve"));

    // then the engine refuses with the reason and the task stays open for another lead
    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(refused.getBody()).contains("Four eyes");
    assertThat(awaitTask(t, "leo", "Task_LeadApproval").get("id")).isEqualTo(lead.get("id"));
    assertThat(complete(lead, "leo", Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);
    awaitStatus(t, "READY");
  }

  @Test
  void customerAnswersTheAgentsQuestionAndTheAgentSeesIt() throws Exception {
    // given the agent asks a question
    Ticket t = submit("staging");
    JsonNode review = awaitTask(t, "alice", "Task_ReviewRequest");
    assertThat(customer(t, "replies", Map.of("message", "too early")).getStatusCode().value()).isEqualTo(409);
    assertThat(complete(review, "alice", Map.of("decision", "ask-customer", "decisionNote",
        "Which store view lost orders?")).getStatusCode().value()).isEqualTo(204);
    awaitStatus(t, "AWAITING_CUSTOMER");
    JsonNode waiting = status(t);
    assertThat(waiting.get("question").get("text").asText()).isEqualTo("Which store view lost orders?");
    assertThat(waiting.get("allowedActions").toString()).contains("reply", "cancel").doesNotContain("confirm");

    // when the customer answers over the API (an empty answer is refused first)
    assertThat(customer(t, "replies", Map.of("message", " ")).getStatusCode().value()).isEqualTo(400);
    assertThat(customer(t, "replies", Map.of("message", "The <b>German</b> one")).getStatusCode().value())
        .isEqualTo(202);

    // then the review is back with the conversation visible
    JsonNode again = awaitTask(t, "alice", "Task_ReviewRequest");
    JsonNode form = json.readTree(http().get().uri("/engine-rest/task/{id}/form-variables", again.get("id").asText())
        .headers(h -> h.setBasicAuth("alice", "alice")).retrieve().body(String.class));
    assertThat(form.get("conversation").get("value").asText()).contains("Which store view", "The <b>German</b> one");
    JsonNode answered = status(t);
    assertThat(answered.get("timeline").findValuesAsText("type")).contains("ASKED", "REPLIED");
    assertThat(answered.get("conversation").findValuesAsText("from")).containsExactly("support", "customer");
    assertThat(answered.has("question")).isFalse();
  }

  @Test
  void customerCancelsOnceBeforeDelivery() throws Exception {
    Ticket t = submit("staging");
    awaitStatus(t, "AWAITING_APPROVAL");
    assertThat(http().post().uri("/api/tickets/{id}/cancel", t.id()).header(HttpHeaders.AUTHORIZATION, "Bearer nope")
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(customer(t, "confirm", null).getStatusCode().value()).isEqualTo(409);

    assertThat(customer(t, "cancel", null).getStatusCode().value()).isEqualTo(202);
    // a second cancel while the first is being carried out is a conflict, not an engine error
    assertThat(customer(t, "cancel", null).getStatusCode().value()).isEqualTo(409);
    awaitStatus(t, "CANCELLED");

    var again = customer(t, "cancel", null);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(json.readTree(again.getBody()).get("ticketStatus").asText()).isEqualTo("CANCELLED");
  }
}
