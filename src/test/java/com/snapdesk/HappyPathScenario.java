package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages.Mail;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The acceptance story, driven over HTTP as a customer, an agent and a lead would: submit for production
 * at a DST-ambiguous New York time, the agent approves through /engine-rest, a lead approves too, the
 * restore instructions arrive, the status shows READY to the token holder only, the customer confirms
 * and the ticket ends CLOSED. Snapdesk's clock is pinned
 * to {@link FixedClockConfiguration#NOW}; the engine and the HTTP stack run on real time.
 */
abstract class HappyPathScenario {

  static final String ACME = SnapdeskTestData.ACME;
  static final String CONTACT = SnapdeskTestData.ACME_CONTACT;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  /** Emails that reached the customer so far, however the profile delivers them. */
  abstract List<Mail> mailsTo(String address);

  void runsOneTicketFromSubmissionToRestoreInstructions() throws Exception {
    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
    // given a registered contact submits at a local time that happened twice
    var submitted = http.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", "it-" + System.nanoTime() + "-happy-path")
        .body(Map.of("customerEmail", CONTACT, "customerName", "Olga Ops", "projectId", ACME,
            "environment", "production", "requestedDate", "2026-11-01",
            "requestedTime", "01:30", "timezone", "America/New_York",
            "scope", "database", "reason", "Bad import <script>alert(1)</script>"))
        .retrieve().toEntity(String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(202);
    JsonNode accepted = json.readTree(submitted.getBody());
    String ticketId = accepted.get("ticketId").asText();
    assertThat(accepted.get("status").asText()).isEqualTo("AWAITING_VERIFICATION");
    assertThat(accepted.get("interpretation").get("note").asText()).contains("interpreted as 01:30 EDT, UTC−04:00");
    assertThat(accepted.has("accessToken")).isFalse();

    // then the contact is asked to confirm, by email, with the interpreted time and the private link
    Mail verification = awaitMail(CONTACT, ticketId, Requester.VERIFICATION_SUBJECT);
    assertThat(verification.text()).contains("interpreted as 01:30 EDT", "/tickets/" + ticketId + "?token=");
    String token = Requester.token(List.of(verification), ticketId).orElseThrow();
    assertThat(token.length()).isGreaterThanOrEqualTo(43); // 256 bits, base64url

    // and nobody reviews it until the contact confirms with that link
    assertThat(reviewTask(http, ticketId)).isNull();
    assertThat(Requester.verify("http://localhost:" + port, ticketId, token)).isEqualTo(202);

    // then the review task waits in the agents' group
    JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> reviewTask(http, ticketId), t -> t != null);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_ReviewRequest");

    // and engine REST refuses anonymous callers
    assertThat(http.get().uri("/engine-rest/task").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(401);

    // and the agent can load the review form itself (a Camunda Form from the deployment)
    var deployedForm = http.get().uri("/engine-rest/task/{id}/deployed-form", task.get("id").asText())
        .headers(h -> h.setBasicAuth("alice", "alice")).retrieve().toEntity(String.class);
    assertThat(deployedForm.getStatusCode().value()).as(deployedForm.getBody()).isEqualTo(200);
    assertThat(deployedForm.getBody()).contains("Form_ReviewRequest", "beforePoint", "afterPoint");
    assertThat(json.readTree(deployedForm.getBody()).findValuesAsText("valuesKey")).contains("recoveryPointOptions");

    // when the demo agent reads the form variables and approves over engine REST
    JsonNode form = json.readTree(http.get().uri("/engine-rest/task/{id}/form-variables", task.get("id").asText())
        .headers(h -> h.setBasicAuth("alice", "alice")).retrieve().body(String.class));
    assertThat(form.get("beforePoint").get("value").asText()).contains("before the requested time");
    assertThat(form.get("afterPoint").get("value").asText()).contains("after the requested time");
    // and the select's options arrive as Tasklist loads them (serialized): a Json list of {label, value}
    JsonNode serialized = json.readTree(http.get()
        .uri("/engine-rest/task/{id}/form-variables?deserializeValues=false", task.get("id").asText())
        .headers(h -> h.setBasicAuth("alice", "alice")).retrieve().body(String.class));
    assertThat(serialized.get("recoveryPointOptions").get("type").asText()).isEqualTo("Json");
    JsonNode options = json.readTree(serialized.get("recoveryPointOptions").get("value").asText());
    assertThat(options.isArray() && options.size() >= 2).as(options.toString()).isTrue();
    assertThat(options.findValuesAsText("value")).contains(form.get("recoveryPointId").get("value").asText());
    assertThat(options.findValuesAsText("label")).anyMatch(l -> l.contains("before the requested time"))
        .anyMatch(l -> l.contains("after the requested time"));
    var completed = http.post().uri("/engine-rest/task/{id}/complete", task.get("id").asText())
        .headers(h -> h.setBasicAuth("alice", "alice")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", Map.of("decision", Map.of("value", "approve", "type", "String"),
            "decisionNote", Map.of("value", "Checked with the customer's change log", "type", "String"))))
        .retrieve().toEntity(String.class);
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);

    // then production needs a lead: the reviewing agent's account cannot approve as lead, the demo lead can
    JsonNode leadTask = await().atMost(Duration.ofSeconds(30))
        .until(() -> taskAs(http, ticketId, "leo"), t -> t != null && "Task_LeadApproval".equals(
            t.get("taskDefinitionKey").asText()));
    var leadApproval = http.post().uri("/engine-rest/task/{id}/complete", leadTask.get("id").asText())
        .headers(h -> h.setBasicAuth("leo", "leo")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", Map.of("decision", Map.of("value", "approve", "type", "String"))))
        .retrieve().toEntity(String.class);
    assertThat(leadApproval.getStatusCode().value()).as(leadApproval.getBody()).isEqualTo(204);

    // then the restore instructions arrive with the chosen point in the customer's zone and UTC
    Mail instructions = awaitMail(CONTACT, ticketId, "restore instructions");
    JsonNode status = await().atMost(Duration.ofSeconds(30))
        .until(() -> ticket(http, ticketId, token), t -> "READY".equals(t.get("status").asText()));
    JsonNode chosen = status.get("chosenRecoveryPoint");
    assertThat(instructions.text()).contains(chosen.get("id").asText(), chosen.get("local").asText(),
        chosen.get("utc").asText(), "/mnt/recovery-" + ticketId.toLowerCase(), "bin/magento maintenance:enable",
        "./vendor/bin/ece-tools cron:disable",
        "zcat", "sed -e 's/DEFINER[ ]*=[ ]*[^*]*\\*/\\*/' | mysql -h 127.0.0.1 -P",
        "interpreted as 01:30 EDT");
    assertThat(instructions.html()).doesNotContain("<script>alert(1)</script>");
    assertThat(status.get("delivery").get("location").asText()).isEqualTo("/mnt/recovery-" + ticketId.toLowerCase());
    assertThat(status.get("timeline").findValuesAsText("type"))
        .contains("SUBMITTED", "RESOLVED", "VERIFIED", "REVIEWED", "READY");
    // the customer sees roles, never the staff's login ids
    assertThat(status.get("timeline").findValuesAsText("actor")).contains("Support agent", "Support lead")
        .doesNotContain("alice", "leo");

    // when the customer confirms they are done, the data is removed and the ticket closed
    var confirmed = http.post().uri("/api/tickets/{id}/confirm", ticketId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
    assertThat(confirmed.getStatusCode().value()).as(confirmed.getBody()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> ticket(http, ticketId, token), t -> "CLOSED".equals(t.get("status").asText()));
    awaitMail(CONTACT, ticketId, "is closed");

    // and without the token, or with a wrong one, the ticket does not exist
    assertThat(http.get().uri("/api/tickets/{id}", ticketId).retrieve().toEntity(String.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(http.get().uri("/api/tickets/{id}", ticketId).header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
        .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
  }

  private JsonNode reviewTask(RestClient http, String ticketId) throws Exception {
    return taskAs(http, ticketId, "alice");
  }

  private JsonNode taskAs(RestClient http, String ticketId, String user) throws Exception {
    JsonNode tasks = json.readTree(http.get().uri("/engine-rest/task?processInstanceBusinessKey={id}", ticketId)
        .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class));
    return tasks.size() == 1 ? tasks.get(0) : null;
  }

  private JsonNode ticket(RestClient http, String ticketId, String token) throws Exception {
    return json.readTree(http.get().uri("/api/tickets/{id}", ticketId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(String.class));
  }

  private Mail awaitMail(String to, String ticketId, String subjectPart) {
    Supplier<Mail> find = () -> mailsTo(to).stream()
        .filter(m -> m.subject().contains(ticketId) && m.subject().contains(subjectPart)).findFirst().orElse(null);
    return await().atMost(Duration.ofSeconds(30)).until(find::get, m -> m != null);
  }
}
