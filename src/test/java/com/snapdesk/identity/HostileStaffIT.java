package com.snapdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.EmbeddedPostgresConfiguration;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.ReviewTasks;
import com.snapdesk.support.ReviewTasks.Review;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Support staff working against the rules over /engine-rest, as the demo users: alice and bob are agents, lena
 * leads and also reviews, leo leads. Whatever variables they send, four eyes and the approval policy hold, the
 * engine refuses writes and deployments, and mistakes answer 4xx with the reason. On PostgreSQL, as in
 * production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.local.recovery-dir=target/it-hostile/recovery",
    "snapdesk.mail.outbox-dir=target/it-hostile/outbox",
    "snapdesk.demo.tickets=false"
})
@Import(EmbeddedPostgresConfiguration.class)
@ContextConfiguration(initializers = FixedClockConfiguration.class)
@DirtiesContext
class HostileStaffIT {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired TicketRepository tickets;
  @Autowired RuntimeService runtime;
  @Autowired TicketProperties settings;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityBootstrap bootstrap;

  ReviewTasks reviews;

  @BeforeEach
  void setUp() {
    reviews = new ReviewTasks(port, json, () -> MailMessages.outbox(java.nio.file.Path.of("target/it-hostile/outbox")));
  }

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  private ResponseEntity<String> complete(String taskId, String user, Map<String, String> variables) {
    return http().post().uri("/engine-rest/task/{id}/complete", taskId)
        .headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", ReviewTasks.strings(variables))).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> send(HttpMethod method, String path, String user, Object body) {
    var spec = http().method(method).uri(path).headers(h -> h.setBasicAuth(user, user));
    if (body != null) spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
    return spec.retrieve().toEntity(String.class);
  }

  private static Map<String, Object> stringValue(String value) {
    return Map.of("value", value, "type", "String");
  }

  private List<String> eventTypes(String ticketId) {
    return tickets.events(ticketId).stream().map(TicketEvent::type).toList();
  }

  private TicketStatus status(String ticketId) {
    return tickets.find(ticketId).orElseThrow().status();
  }

  private Object variable(Review r, String name) {
    return runtime.getVariable(r.processInstanceId(), name);
  }

  @Test
  void theReviewerCannotApproveAsLeadByRewritingReviewedBy() throws Exception {
    // given lena (lead and agent) reviewed a production request, claiming leo did
    Review r = reviews.submitAndAwaitReview("production");
    assertThat(complete(r.taskId(), "lena", Map.of("decision", "approve", "reviewedBy", "leo"))
        .getStatusCode().value()).isEqualTo(204);
    JsonNode lead = reviews.awaitTask(r.ticketId(), "lena", "Task_LeadApproval");
    String leadTask = lead.get("id").asText();
    assertThat(variable(r, "reviewedBy")).as("the lead's form shows who really reviewed").isEqualTo("lena");

    // when she tries to set reviewedBy first, on the task or on the process instance
    var taskVariable = send(HttpMethod.PUT, "/engine-rest/task/" + leadTask + "/variables/reviewedBy", "lena",
        stringValue("leo"));
    var localVariable = send(HttpMethod.PUT, "/engine-rest/task/" + leadTask + "/localVariables/reviewedBy", "lena",
        stringValue("leo"));
    var instanceVariable = send(HttpMethod.POST, "/engine-rest/process-instance/" + r.processInstanceId()
        + "/variables", "lena", Map.of("modifications", Map.of("reviewedBy", stringValue("leo"))));
    // and then approves as lead, sending reviewedBy=leo with the completion, and through the form as Tasklist does
    var approval = complete(leadTask, "lena", Map.of("decision", "approve", "reviewedBy", "leo"));
    var viaForm = http().post().uri("/engine-rest/task/{id}/submit-form", leadTask)
        .headers(h -> h.setBasicAuth("lena", "lena")).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", ReviewTasks.strings(Map.of("decision", "approve", "reviewedBy", "leo"))))
        .retrieve().toEntity(String.class);

    // then every write is forbidden, the approval refused with the reason, and the ticket still waits for a lead
    assertThat(taskVariable.getStatusCode().value()).as(taskVariable.getBody()).isEqualTo(403);
    assertThat(localVariable.getStatusCode().value()).as(localVariable.getBody()).isEqualTo(403);
    assertThat(instanceVariable.getStatusCode().value()).as(instanceVariable.getBody()).isEqualTo(403);
    assertThat(approval.getStatusCode().value()).as(approval.getBody()).isEqualTo(400);
    assertThat(json.readTree(approval.getBody()).get("message").asText()).startsWith("decision: Four eyes");
    assertThat(viaForm.getStatusCode().value()).as(viaForm.getBody()).isEqualTo(400);
    assertThat(json.readTree(viaForm.getBody()).get("message").asText()).startsWith("decision: Four eyes");
    assertThat(status(r.ticketId())).isEqualTo(TicketStatus.AWAITING_APPROVAL);
    assertThat(eventTypes(r.ticketId())).doesNotContain(TimelineEvents.LEAD_REVIEWED);
    assertThat(reviews.awaitTask(r.ticketId(), "leo", "Task_LeadApproval").get("id").asText()).isEqualTo(leadTask);

    // and another lead may approve
    assertThat(complete(leadTask, "leo", Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);
  }

  @Test
  void aProductionReviewSentAsStagingStillNeedsALead() throws Exception {
    // given a production request in review
    Review r = reviews.submitAndAwaitReview("production");

    // when alice approves it, sending the policy's inputs and the timer and dedup settings of her choice
    var approved = complete(r.taskId(), "alice", Map.of("decision", "approve", "environment", "staging",
        "scope", "database", "pointOverridden", "false", "pointAgeDays", "0", "reviewRound", "99",
        "replyTimeout", "PT1S", "replyReminderAfter", "PT0S", "retrievalPollInterval", "PT0S"));

    // then the completion counts, but the lead task appears: the policy read production from the ticket
    assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(204);
    reviews.awaitTask(r.ticketId(), "leo", "Task_LeadApproval");
    assertThat(variable(r, "environment")).isEqualTo("production");
    assertThat(variable(r, "scope")).isEqualTo("full");
    assertThat(variable(r, "leadReason")).isEqualTo("Production environment");
    assertThat(variable(r, "reviewRound")).isEqualTo(1);
    assertThat(variable(r, "replyTimeout")).isEqualTo(settings.replyTimeout().toString());
    assertThat(variable(r, "replyReminderAfter")).isEqualTo(settings.replyReminderAfter().toString());
    assertThat(variable(r, "retrievalPollInterval")).isEqualTo(settings.retrievalPollInterval().toString());
    assertThat(status(r.ticketId())).isEqualTo(TicketStatus.AWAITING_APPROVAL);
  }

  @Test
  void agentsCannotWriteVariablesCorrelateMessagesOrDeployModels() throws Exception {
    // given a request in review
    Review r = reviews.submitAndAwaitReview("staging");

    // when alice writes the environment on the process instance, the task and the task's local scope
    var instance = send(HttpMethod.POST, "/engine-rest/process-instance/" + r.processInstanceId() + "/variables",
        "alice", Map.of("modifications", Map.of("environment", stringValue("integration"))));
    var task = send(HttpMethod.POST, "/engine-rest/task/" + r.taskId() + "/variables", "alice",
        Map.of("modifications", Map.of("environment", stringValue("integration"))));
    var local = send(HttpMethod.POST, "/engine-rest/task/" + r.taskId() + "/localVariables", "alice",
        Map.of("modifications", Map.of("environment", stringValue("integration"))));
    // and deploys a model of her own
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("deployment-name", "alice-was-here");
    parts.add("data", new ByteArrayResource("<definitions/>".getBytes()) {
      @Override public String getFilename() {
        return "backup-retrieval.bpmn";
      }
    });
    var deployment = http().post().uri("/engine-rest/deployment/create").headers(h -> h.setBasicAuth("alice", "alice"))
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);

    // and cancels the ticket as if the customer had, sending variables with the message, or deletes its process
    var message = send(HttpMethod.POST, "/engine-rest/message", "alice", Map.of("messageName", "CustomerCancelled",
        "businessKey", r.ticketId(), "processVariables", Map.of("environment", stringValue("integration"))));
    var delete = send(HttpMethod.DELETE, "/engine-rest/process-instance/" + r.processInstanceId(), "alice", null);

    // then each is forbidden and nothing changed
    assertThat(message.getStatusCode().value()).as(message.getBody()).isEqualTo(403);
    assertThat(delete.getStatusCode().value()).as(delete.getBody()).isEqualTo(403);
    assertThat(instance.getStatusCode().value()).as(instance.getBody()).isEqualTo(403);
    assertThat(task.getStatusCode().value()).as(task.getBody()).isEqualTo(403);
    assertThat(local.getStatusCode().value()).as(local.getBody()).isEqualTo(403);
    assertThat(deployment.getStatusCode().value()).as(deployment.getBody()).isEqualTo(403);
    assertThat(variable(r, "environment")).isEqualTo("staging");
    assertThat(status(r.ticketId())).isEqualTo(TicketStatus.AWAITING_APPROVAL);
  }

  @Test
  void anAgentCannotEndTheTicketWithABpmnErrorOrSetVariablesWithAnEscalation() throws Exception {
    // given a request in review
    Review r = reviews.submitAndAwaitReview("production");

    // when alice throws a BPMN error and an escalation at the review task, with variables
    var error = send(HttpMethod.POST, "/engine-rest/task/" + r.taskId() + "/bpmnError", "alice",
        Map.of("errorCode", "anything", "variables", Map.of("environment", stringValue("staging"))));
    var escalation = send(HttpMethod.POST, "/engine-rest/task/" + r.taskId() + "/bpmnEscalation", "alice",
        Map.of("escalationCode", "anything", "variables", Map.of("environment", stringValue("staging"))));
    var resolve = send(HttpMethod.POST, "/engine-rest/task/" + r.taskId() + "/resolve", "alice",
        Map.of("variables", Map.of("environment", stringValue("staging"))));

    // then each is refused with the reason, the review waits and the environment is the ticket's
    for (var refused : List.of(error, escalation, resolve)) {
      assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
      assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("not part of the process");
    }
    assertThat(reviews.task(r.ticketId(), "alice").get("id").asText()).isEqualTo(r.taskId());
    assertThat(variable(r, "environment")).isEqualTo("production");
  }

  @Test
  void anInvalidDecisionIs400WithTheReasonAndChangesNothing() throws Exception {
    // given a production request in review
    Review r = reviews.submitAndAwaitReview("production");
    List<String> before = eventTypes(r.ticketId());

    // when alice sends a decision that does not exist, and a rejection without a note
    var unknown = complete(r.taskId(), "alice", Map.of("decision", "maybe"));
    var noReason = complete(r.taskId(), "alice", Map.of("decision", "reject"));

    // then both answer 400 in Camunda's format with the reason, and the ticket is as it was
    assertThat(unknown.getStatusCode().value()).as(unknown.getBody()).isEqualTo(400);
    JsonNode problem = json.readTree(unknown.getBody());
    assertThat(problem.get("type").asText()).isNotBlank();
    assertThat(problem.get("message").asText()).isEqualTo("decision: Choose approve, reject or ask-customer.");
    assertThat(noReason.getStatusCode().value()).as(noReason.getBody()).isEqualTo(400);
    assertThat(json.readTree(noReason.getBody()).get("message").asText())
        .isEqualTo("decisionNote: Tell the customer why: a rejection needs a note.");
    assertThat(eventTypes(r.ticketId())).isEqualTo(before);
    assertThat(status(r.ticketId())).isEqualTo(TicketStatus.AWAITING_APPROVAL);

    // and a lead's unknown decision is refused the same way
    assertThat(complete(r.taskId(), "alice", Map.of("decision", "approve")).getStatusCode().value()).isEqualTo(204);
    JsonNode lead = reviews.awaitTask(r.ticketId(), "leo", "Task_LeadApproval");
    var leadUnknown = complete(lead.get("id").asText(), "leo", Map.of("decision", "ask-customer"));
    assertThat(leadUnknown.getStatusCode().value()).as(leadUnknown.getBody()).isEqualTo(400);
    assertThat(json.readTree(leadUnknown.getBody()).get("message").asText()).isEqualTo("decision: Choose approve or reject.");
  }

  @Test
  void twoAgentsCompletingOneTaskGetOneSuccessAndOneConflictOrNotFound() throws Exception {
    // given a staging request in review
    Review r = reviews.submitAndAwaitReview("staging");

    // when alice and bob approve it at the same moment
    var start = new CountDownLatch(1);
    List<CompletableFuture<ResponseEntity<String>>> both = new ArrayList<>();
    for (String agent : List.of("alice", "bob")) {
      both.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return complete(r.taskId(), agent, Map.of("decision", "approve"));
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var answer : both) {
      statuses.add(answer.get().getStatusCode().value());
    }
    // and alice tries once more after both answered
    var late = complete(r.taskId(), "alice", Map.of("decision", "approve"));

    // then one wins, the other is told the task changed or is gone, never a server error
    assertThat(statuses).as(both.toString()).containsOnlyOnce(204).allMatch(s -> s == 204 || s == 404 || s == 409);
    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(404);
    // and the ticket records one approval
    assertThat(eventTypes(r.ticketId()).stream().filter(TimelineEvents.REVIEWED::equals)).hasSize(1);
  }

  @Test
  void candidatesMayWorkOnTasksButNotUpdateThemEvenOnTasksFromBeforeTheUpgrade() throws Exception {
    // given a review task: its agents may work on it, not update it
    Review r = reviews.submitAndAwaitReview("staging");
    var grant = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(r.taskId())
        .groupIdIn(Groups.SUPPORT_AGENTS).singleResult();
    assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
    // and it grants UPDATE, as the engine's default did before the upgrade
    grant.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(grant);

    // when the node starts again
    bootstrap.bootstrap();

    // then alice cannot write the task's variables
    var write = send(HttpMethod.PUT, "/engine-rest/task/" + r.taskId() + "/variables/environment", "alice",
        stringValue("integration"));
    assertThat(write.getStatusCode().value()).as(write.getBody()).isEqualTo(403);
    assertThat(variable(r, "environment")).isEqualTo("staging");
  }
}
