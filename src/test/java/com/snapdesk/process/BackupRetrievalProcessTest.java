package com.snapdesk.process;

import static com.snapdesk.process.BpmnIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.snapdesk.identity.Groups;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.support.MailMessages.Mail;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStateConflictException;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through bpmn/backup-retrieval.bpmn; together they must pass every flow node and
 * sequence flow (process-test-coverage fails the build otherwise). Time moves with the engine clock.
 */
class BackupRetrievalProcessTest extends ProcessTestSupport {

  static final String AGENTS = Groups.SUPPORT_AGENTS;
  static final String LEADS = Groups.SUPPORT_LEADS;

  @Autowired TicketRepository tickets;
  @Autowired TakeCustomerAction customer;
  @Autowired SlaTracker sla;

  // ---- approval -------------------------------------------------------------------------------

  @Test
  void stagingApprovalNeedsNoLeadAndClosesWhenTheCustomerConfirms() {
    // given a registered contact asks for Acme staging at 07:20 New York time
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "staging"));
    assertThat(pi).isWaitingAt(TASK_CHECK_ELIGIBILITY);

    // when eligibility and resolution run
    runJobs(pi);

    // then the requester is asked to confirm, by email to the contact's address, and nobody reviews yet
    assertThat(pi).hasPassedInOrder(TASK_RESOLVE_RECOVERY_POINT, GATEWAY_REQUESTER_VERIFIED,
        TASK_SEND_VERIFICATION_REQUEST).isWaitingAt(TASK_AWAIT_VERIFICATION);
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_VERIFICATION);
    Mail verification = mail(pi, "Confirm your backup request");
    assertThat(verification.to()).isEqualTo(ACME_CONTACT);
    assertThat(verification.text()).contains("rp-stg-1300", "2026-11-25 12:20 UTC", "/tickets/" + pi.getBusinessKey());
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.FIRST_RESPONSE)).isEmpty();

    // when the requester confirms with the link from the email
    customer.verify(pi.getBusinessKey(), token(pi));
    runJobs(pi);

    // then the agent reviews the nearest point with both neighbours in front of them
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST).task().hasCandidateGroup(AGENTS);
    assertThat(pi).variables()
        .containsEntry(VariableNames.RESOLVED_RECOVERY_POINT_ID, "rp-stg-1300")
        .containsEntry(VariableNames.REQUESTED_UTC, "2026-11-25 12:20 UTC");
    assertThat((String) variable(pi, VariableNames.BEFORE_POINT)).contains("rp-stg-1000", "2 h 20 min before");
    assertThat((String) variable(pi, VariableNames.AFTER_POINT)).contains("rp-stg-1300", "40 min after");
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_APPROVAL);
    assertThat(task(pi).getDueDate()).isEqualTo(java.util.Date.from(NOW.plus(Duration.ofHours(4))));

    // when the agent approves: staging, a recent point, no override
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve", VariableNames.DECISION_NOTE, "fine"));
    runJobs(pi);

    // then no lead is needed: the point is retrieved and the instructions are sent
    assertThat(pi).hasPassedInOrder(TASK_EVALUATE_APPROVAL_POLICY, GATEWAY_LEAD_REQUIRED, GATEWAY_TO_RETRIEVAL,
        TASK_RETRIEVE_RECOVERY_POINT, TASK_SEND_RESTORE_INSTRUCTIONS).hasNotPassed(TASK_LEAD_APPROVAL)
        .isWaitingAt(TASK_AWAIT_CONFIRMATION);
    assertThat(status(pi)).isEqualTo(TicketStatus.READY);
    String recoveryId = tickets.find(pi.getBusinessKey()).orElseThrow().delivery().recoveryId();
    assertThat(Files.exists(RECOVERY_DIR.resolve(recoveryId).resolve("manifest.json"))).isTrue();
    assertThat(mail(pi, "restore instructions").text()).contains("rp-stg-1300", "/mnt/recovery-" + recoveryId);
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.DELIVERY).orElseThrow().finished()).isTrue();

    // when the customer confirms they are done
    customer.confirm(pi.getBusinessKey(), token(pi));
    runJobs(pi);

    // then the data is removed and the ticket is closed
    assertThat(pi).hasPassedInOrder(TASK_CLEAN_UP_RETRIEVED_DATA, TASK_SEND_CLOSURE, END_CLOSED).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.CLOSED);
    assertThat(Files.exists(RECOVERY_DIR.resolve(recoveryId))).isFalse();
    assertThat(mail(pi, "is closed").text()).isNotBlank();
  }

  @Test
  void theFormsDisplayCopiesAreVariablesButNotHistoryWhileEverythingElseKeepsFullHistory() {
    // given a ticket that reaches review (the sheet is written at resolution, the point options at review)
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(pi).variables().containsKeys(VariableNames.CUSTOMER, VariableNames.REASON,
        VariableNames.RECOVERY_POINT_OPTIONS, VariableNames.RESOLVED_RECOVERY_POINT_ID);

    // when the agent approves and the ticket runs to its end (display copies written again, then deleted)
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve", VariableNames.DECISION_NOTE, "fine"));
    runJobs(pi);
    customer.confirm(pi.getBusinessKey(), token(pi));
    runJobs(pi);
    assertThat(pi).isEnded();

    // then history holds none of the display copies, neither as variables nor as details
    var history = engine.getHistoryService();
    var historicNames = history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().stream()
        .map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName).toList();
    var detailNames = history.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list()
        .stream().map(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()).toList();
    assertThat(historicNames).doesNotContainAnyElementsOf(VariableNames.DISPLAY_COPIES);
    assertThat(detailNames).doesNotContainAnyElementsOf(VariableNames.DISPLAY_COPIES);
    // but everything else is history at full: the variables, each of their updates, the user operation log
    assertThat(historicNames).contains(VariableNames.TICKET_ID, VariableNames.DECISION, VariableNames.SUBMITTED_AT);
    assertThat(detailNames).contains(VariableNames.TICKET_ID, VariableNames.DECISION);
    assertThat(history.createUserOperationLogQuery().processInstanceId(pi.getId()).count()).isPositive();
    var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel()).isSameAs(HistoryWithoutDisplayCopies.LEVEL);
    assertThat(configuration.getHistoryLevel().getId())
        .isEqualTo(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
  }

  @Test
  void productionNeedsALeadAfterTheAgentAndExpiresAfterAReminder() {
    // given a production ticket the agent approves
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));

    // then the approval policy asks a lead
    assertThat(pi).isWaitingAt(TASK_LEAD_APPROVAL).task().hasCandidateGroup(LEADS);
    assertThat(variable(pi, VariableNames.LEAD_REASON)).isEqualTo("Production environment");

    // when a lead approves
    completeAs("leo", pi, withVariables(VariableNames.DECISION, "approve"));
    runJobs(pi);
    assertThat(pi).hasPassed(GATEWAY_LEAD_DECISION, TASK_SEND_RESTORE_INSTRUCTIONS).isWaitingAt(TASK_AWAIT_CONFIRMATION);
    String recoveryId = tickets.find(pi.getBusinessKey()).orElseThrow().delivery().recoveryId();

    // when six days pass, the customer is reminded a day before expiry
    advanceAndRun(pi, Duration.ofDays(6).plusMinutes(1));
    assertThat(pi).hasPassed(TASK_SEND_EXPIRY_REMINDER).isWaitingAt(TASK_AWAIT_CONFIRMATION);
    assertThat(mail(pi, "removed soon").text()).contains("/mnt/recovery-" + recoveryId);

    // and when the data expires it is removed and the ticket closed
    advanceAndRun(pi, Duration.ofDays(1));
    assertThat(pi).hasPassed(BOUNDARY_DATA_EXPIRED, TASK_CLEAN_UP_RETRIEVED_DATA, END_CLOSED).isEnded();
    assertThat(Files.exists(RECOVERY_DIR.resolve(recoveryId))).isFalse();
    assertThat(timeline(pi)).contains("LEAD_REVIEWED", "REMINDED", "CLEANED_UP", "CLOSED");
  }

  @Test
  void aLeadCannotApproveARequestTheyReviewedAndAnotherLeadMayReject() {
    // given Lena, who is both agent and lead, reviews a production request
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));
    completeAs("lena", pi, withVariables(VariableNames.DECISION, "approve"));

    // when she tries to approve it as lead too, the engine refuses and the task stays open
    assertThatThrownBy(() -> completeAs("lena", pi, withVariables(VariableNames.DECISION, "approve")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Four eyes");
    assertThat(pi).isWaitingAt(TASK_LEAD_APPROVAL);

    // when another lead rejects with a note
    completeAs("leo", pi, withVariables(VariableNames.DECISION, "reject", VariableNames.DECISION_NOTE,
        "This point predates the data you need; please ask again with the time of the incident."));
    runJobs(pi);

    // then the customer is told why
    assertThat(pi).hasPassedInOrder(GATEWAY_LEAD_DECISION, GATEWAY_TO_REJECTION, END_REJECTED).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
    assertThat(mail(pi, "About your").text()).contains("please ask again with the time of the incident");
  }

  @Test
  void agentMayChooseAnotherRecoveryPointWhichALeadMustConfirm() {
    // given a staging ticket waiting for review
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));

    // when the agent approves with the earlier point instead of the resolved one
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve", VariableNames.RECOVERY_POINT_ID,
        "rp-stg-1000"));

    // then the override needs a lead, and that point is the one retrieved
    assertThat(pi).isWaitingAt(TASK_LEAD_APPROVAL);
    assertThat(variable(pi, VariableNames.LEAD_REASON)).isEqualTo("Agent chose another recovery point");
    completeAs("leo", pi, withVariables(VariableNames.DECISION, "approve"));
    runJobs(pi);
    assertThat(tickets.find(pi.getBusinessKey()).orElseThrow().chosenPoint().id()).isEqualTo("rp-stg-1000");
    assertThat(mail(pi, "restore instructions").text()).contains("rp-stg-1000");
  }

  @Test
  void reviewCannotCompleteWithAnUnusablePointOrWithoutNote() {
    // given a ticket waiting for review
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));

    // when the agent picks a point in error, rejects or asks without text, or sends nonsense
    // then completion fails with a clear message and the task stays open
    assertThatThrownBy(() -> completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve",
        VariableNames.RECOVERY_POINT_ID, "rp-prod-1100")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("rp-prod-1100");
    assertThatThrownBy(() -> completeAs("alice", pi, withVariables(VariableNames.DECISION, "reject")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("note");
    assertThatThrownBy(() -> completeAs("alice", pi, withVariables(VariableNames.DECISION, "ask-customer")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("question");
    assertThatThrownBy(() -> completeAs("alice", pi, withVariables(VariableNames.DECISION, "maybe")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("approve, reject or ask-customer");
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
  }

  @Test
  void reviewTaskOffersTheNeighbouringPointsAsTasklistReadsThemAndStillChecksTheChosenOne() throws Exception {
    // given a production ticket for 12:20 UTC waiting for review
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));

    // when Tasklist loads the form's variables as it does (serialized values)
    String taskId = task(pi).getId();
    var form = engine.getFormService().getTaskFormVariables(taskId,
        List.of(VariableNames.RECOVERY_POINT_OPTIONS, VariableNames.RECOVERY_POINT_ID), false);

    // then the options are a Json variable of {label, value}: usable points either side, the resolved one preset
    assertThat(form.getValueTyped(VariableNames.RECOVERY_POINT_OPTIONS).getType().getName()).isEqualTo("json");
    var options = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        form.getValueTyped(VariableNames.RECOVERY_POINT_OPTIONS).getValue().toString());
    List<String> ids = new java.util.ArrayList<>();
    options.forEach(o -> ids.add(o.get("value").asText()));
    assertThat(ids).as("errored, pending and manual points are never offered")
        .containsExactly("rp-prod-0900", "rp-prod-1000", "rp-prod-1200", "rp-prod-1400");
    assertThat(options.get(2).get("label").asText())
        .contains("rp-prod-1200", "12:00 UTC", "07:00", "20 min before", "standard storage", "resolved");
    assertThat(options.get(3).get("label").asText()).contains("rp-prod-1400", "14:00 UTC", "1 h 40 min after");
    assertThat(form.getValue(VariableNames.RECOVERY_POINT_ID, String.class)).isEqualTo("rp-prod-1200");

    // and an id sent from outside the list is still checked against the catalog and refused
    assertThatThrownBy(() -> completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve",
        VariableNames.RECOVERY_POINT_ID, "rp-prod-manual")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("rp-prod-manual");
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);

    // and an approval with the preset point is not an override
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve",
        VariableNames.RECOVERY_POINT_ID, form.getValue(VariableNames.RECOVERY_POINT_ID, String.class)));
    assertThat(variable(pi, VariableNames.POINT_OVERRIDDEN)).isEqualTo(false);
  }

  @Test
  void agentRejectionEmailsTheNoteAndEndsRejected() {
    // given a ticket waiting for review
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));

    // when the agent rejects with a note
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "reject", VariableNames.DECISION_NOTE,
        "A restore of this point is already running under SD-OTHER."));
    runJobs(pi);

    // then the customer is told why and the ticket is rejected
    assertThat(pi).hasPassedInOrder(GATEWAY_TO_REJECTION, TASK_SEND_REJECTION, END_REJECTED).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
    assertThat(mail(pi, "About your").text()).contains("already running under SD-OTHER");
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.DELIVERY).orElseThrow().finished()).isTrue();
  }

  // ---- the customer is asked --------------------------------------------------------------------

  @Test
  void askedCustomerRepliesAndTheAgentSeesTheConversation() {
    // given the agent asks the customer a question
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "ask-customer", VariableNames.DECISION_NOTE,
        "Did the import start before or after 07:20 <b>local</b> time?"));
    runJobs(pi);

    // then the question is emailed and the ticket waits on the customer, SLA paused
    assertThat(pi).hasPassed(TASK_SEND_QUESTION).isWaitingAt(TASK_AWAIT_REPLY);
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_CUSTOMER);
    assertThat(mail(pi, "question").html()).contains("&lt;b&gt;local&lt;/b&gt;").doesNotContain("<b>local</b>");

    // when the customer answers
    customer.reply(pi.getBusinessKey(), token(pi), "After: it started at 07:25.");

    // then the agent reviews again with the whole conversation
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_APPROVAL);
    assertThat((String) variable(pi, VariableNames.CONVERSATION))
        .contains("agent alice", "before or after 07:20", "customer", "it started at 07:25");
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));
    runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
    assertThat(timeline(pi)).contains("ASKED", "AWAITING_CUSTOMER", "REPLIED");
  }

  @Test
  void unansweredQuestionIsRemindedThenClosed() {
    // given the agent asked a question the customer never answers
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "ask-customer", VariableNames.DECISION_NOTE,
        "Which store view?"));
    runJobs(pi);

    // when three days pass, the customer is reminded
    advanceAndRun(pi, Duration.ofDays(3).plusMinutes(1));
    assertThat(pi).hasPassed(TASK_SEND_REPLY_REMINDER, END_REPLY_REMINDER_SENT).isWaitingAt(TASK_AWAIT_REPLY);
    assertThat(mail(pi, "Reminder").text()).contains("Which store view?");

    // and after five days the ticket is closed with an email
    advanceAndRun(pi, Duration.ofDays(2));
    assertThat(pi).hasPassedInOrder(BOUNDARY_NO_REPLY, TASK_SEND_CLOSED_NO_REPLY, END_CLOSED_NO_REPLY).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.CLOSED);
    assertThat(mail(pi, "no answer").text()).isNotBlank();
  }

  // ---- cancellation -----------------------------------------------------------------------------

  @Test
  void customerCanCancelInEveryWaitingStateBeforeDelivery() {
    // awaiting the requester's confirmation, awaiting approval, awaiting the customer, awaiting a lead, retrieving
    ProcessInstance unconfirmed = submit(request(ACME_CONTACT, ACME, "staging"));
    runJobs(unconfirmed);
    assertThat(unconfirmed).isWaitingAt(TASK_AWAIT_VERIFICATION);
    cancelsCleanly(unconfirmed);

    ProcessInstance review = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    cancelsCleanly(review);

    ProcessInstance asked = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", asked, withVariables(VariableNames.DECISION, "ask-customer", VariableNames.DECISION_NOTE, "?"));
    runJobs(asked);
    cancelsCleanly(asked);

    ProcessInstance lead = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));
    completeAs("alice", lead, withVariables(VariableNames.DECISION, "approve"));
    assertThat(lead).isWaitingAt(TASK_LEAD_APPROVAL);
    cancelsCleanly(lead);

    ProcessInstance retrieving = archivedPointWaitingForRestore();
    cancelsCleanly(retrieving);
  }

  @Test
  void cancellingAfterDeliveryOrTwiceIsAConflict() {
    // given a ticket that is ready
    ProcessInstance ready = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", ready, withVariables(VariableNames.DECISION, "approve"));
    runJobs(ready);
    assertThat(status(ready)).isEqualTo(TicketStatus.READY);

    // then cancelling is refused and nothing changes
    assertThatThrownBy(() -> customer.cancel(ready.getBusinessKey(), token(ready)))
        .isInstanceOf(TicketStateConflictException.class).hasMessageContaining("READY");
    assertThat(ready).isWaitingAt(TASK_AWAIT_CONFIRMATION);

    // and a cancelled ticket cannot be cancelled again
    ProcessInstance once = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    cancelsCleanly(once);
    assertThatThrownBy(() -> customer.cancel(once.getBusinessKey(), token(once)))
        .isInstanceOf(TicketStateConflictException.class).hasMessageContaining("already cancelled");
  }

  private void cancelsCleanly(ProcessInstance pi) {
    customer.cancel(pi.getBusinessKey(), token(pi));
    runJobs(pi);
    assertThat(pi).hasPassedInOrder(START_CUSTOMER_CANCELLED, TASK_CLEAN_UP_CANCELLED, TASK_SEND_CANCELLATION,
        END_CANCELLED).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.CANCELLED);
    assertThat(Files.exists(RECOVERY_DIR.resolve(pi.getBusinessKey().toLowerCase()))).isFalse();
    assertThat(mail(pi, "cancelled").text()).isNotBlank();
  }

  // ---- retrieval --------------------------------------------------------------------------------

  @Test
  void archivedPointIsPolledOnATimerUntilRestoredWithTheSlaPaused() {
    // given an approved archived point whose restore has started
    ProcessInstance pi = archivedPointWaitingForRestore();
    assertThat(status(pi)).isEqualTo(TicketStatus.RETRIEVING);
    assertThat(tickets.find(pi.getBusinessKey()).orElseThrow().statusDetail()).contains("archive");
    var delivery = sla.deadline(pi.getBusinessKey(), SlaClockKind.DELIVERY).orElseThrow();
    assertThat(delivery.state().name()).isEqualTo("PAUSED");

    // when the poll interval passes, the restore is still running
    advanceAndRun(pi, Duration.ofMinutes(1));
    assertThat(pi).isWaitingAt(EVENT_WAIT_BEFORE_NEXT_CHECK);

    // and when the archive restore has finished, the data is delivered
    advanceAndRun(pi, Duration.ofMinutes(2));
    assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
    assertThat(status(pi)).isEqualTo(TicketStatus.READY);
  }

  private ProcessInstance archivedPointWaitingForRestore() {
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve", VariableNames.RECOVERY_POINT_ID,
        "rp-stg-archived"));
    completeAs("leo", pi, withVariables(VariableNames.DECISION, "approve"));
    runJobs(pi);
    assertThat(pi).hasPassed(GATEWAY_RETRIEVAL_READY).isWaitingAt(EVENT_WAIT_BEFORE_NEXT_CHECK);
    return pi;
  }

  @Test
  void backendOutageBecomesAnIncidentThatARetryResolves() {
    // given an approved staging ticket and a backend that is down
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));
    faults.outage(100);

    // when every retry of the retrieval job fails
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
    for (int attempt = 0; attempt < 10 && jobRetries(job) > 0; attempt++) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the engine records the failure and schedules the next retry with backoff
      }
    }

    // then the ticket is not lost: it is an incident in Cockpit, still retrieving
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt(TASK_RETRIEVE_RECOVERY_POINT);

    // when the backend is back and an operator retries
    faults.outage(0);
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    runJobs(pi);

    // then retrieval completes and the incident is gone
    assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  private int jobRetries(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  @Test
  void vanishedPointGoesBackToTheAgentWithTheReasonAndAFreshResolution() {
    // given an approved staging ticket whose point disappears before retrieval
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));
    faults.failNext("Recovery point rp-stg-1300 no longer exists");

    // when retrieval runs
    runJobs(pi);

    // then the agent reviews again, seeing why, with a fresh resolution
    assertThat(pi).hasPassed(BOUNDARY_POINT_UNAVAILABLE, TASK_REFRESH_RESOLUTION).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat((String) variable(pi, VariableNames.RETRIEVAL_PROBLEM)).contains("no longer exists");
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_APPROVAL);
    assertThat(timeline(pi)).contains("RETRIEVAL_FAILED");

    // and approving completes the ticket
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));
    runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CONFIRMATION);
  }

  // ---- SLA --------------------------------------------------------------------------------------

  @Test
  void reviewEscalatesToLeadsAtThreeQuartersOfTheFirstResponseTarget() {
    // given a production ticket nobody picks up (first response target 1 h)
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));
    assertThat(task(pi).getDueDate()).isEqualTo(java.util.Date.from(NOW.plus(Duration.ofHours(1))));

    // when 45 minutes pass
    advanceAndRun(pi, Duration.ofMinutes(45));

    // then the leads are alerted, the ticket is flagged, and the review goes on
    assertThat(pi).hasPassed(BOUNDARY_FIRST_RESPONSE_AT_RISK, TASK_ESCALATE_FIRST_RESPONSE, END_REVIEW_ESCALATED)
        .isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(variable(pi, VariableNames.ESCALATED)).isEqualTo(true);
    List<Mail> escalations = mailsFor(pi.getBusinessKey()).stream().filter(m -> m.subject().contains("Escalation"))
        .toList();
    assertThat(escalations).extracting(Mail::to).containsExactlyInAnyOrder("lena@snapdesk.example",
        "leo@snapdesk.example");
    assertThat(escalations.get(0).all()).contains("first response").doesNotContain("token=");

    // and a breach is recorded when the agent finally decides
    advance(Duration.ofMinutes(30));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "reject", VariableNames.DECISION_NOTE, "late"));
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.FIRST_RESPONSE).orElseThrow().state().name())
        .isEqualTo("BREACHED");
  }

  @Test
  void leadApprovalEscalatesWhenDeliveryIsAtRisk() {
    // given a production ticket approved by the agent at once (delivery target 8 h)
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve"));

    // when six hours pass without a lead
    advanceAndRun(pi, Duration.ofHours(6));

    // then the leads are alerted about delivery
    assertThat(pi).hasPassed(BOUNDARY_DELIVERY_AT_RISK, TASK_ESCALATE_DELIVERY).isWaitingAt(TASK_LEAD_APPROVAL);
    assertThat(mailsFor(pi.getBusinessKey()).stream().filter(m -> m.subject().contains("Escalation")).toList())
        .isNotEmpty().allSatisfy(m -> assertThat(m.all()).contains("delivery"));
  }

  // ---- not eligible -----------------------------------------------------------------------------

  @Test
  void strangerIsDeclinedWithoutAnyEmail() {
    // given someone who is not a registered contact of the project
    ProcessInstance pi = submit(request("mallory@evil.example", ACME, "production"));

    // when the process runs
    runJobs(pi);

    // then the request ends without resolution and without a single email to the typed address
    assertThat(pi).hasPassedInOrder(TASK_CHECK_ELIGIBILITY, GATEWAY_ELIGIBLE, END_DECLINED_WITHOUT_MAIL)
        .hasNotPassed(TASK_RESOLVE_RECOVERY_POINT, TASK_SEND_REJECTION).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
    assertThat(mailsFor(pi.getBusinessKey())).isEmpty();
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.FIRST_RESPONSE)).isEmpty();
  }

  @Test
  void nonContactOfAnExistingStarterProjectGetsNoGuidanceEither() {
    // given a stranger naming a Starter project: the guidance mail is for contacts only
    ProcessInstance pi = submit(request("mallory@evil.example", "st4rt3rpr0j1c", "production"));
    runJobs(pi);
    assertThat(pi).hasPassed(END_DECLINED_WITHOUT_MAIL).hasNotPassed(TASK_SEND_REJECTION);
    assertThat(mailsFor(pi.getBusinessKey())).isEmpty();
  }

  // ---- requester verification -------------------------------------------------------------------

  @Test
  void unconfirmedRequestClosesAtTheTimeoutWithoutRetrievingOrEmailing() {
    // given a contact's request waiting for its confirmation
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_AWAIT_VERIFICATION);

    // when nobody confirms for a little less than 24 hours, nothing happens
    advanceAndRun(pi, Duration.ofHours(23).plusMinutes(59));
    assertThat(pi).isWaitingAt(TASK_AWAIT_VERIFICATION);

    // and at 24 hours the ticket closes, with a line on its timeline and no further email
    advanceAndRun(pi, Duration.ofMinutes(1));
    assertThat(pi).hasPassedInOrder(BOUNDARY_VERIFICATION_TIMEOUT, END_CLOSED_UNVERIFIED)
        .hasNotPassed(TASK_REVIEW_REQUEST).isEnded();
    var ticket = tickets.find(pi.getBusinessKey()).orElseThrow();
    assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(ticket.statusDetail()).contains("Not confirmed within", "nothing was retrieved");
    assertThat(timeline(pi)).contains("VERIFICATION_EXPIRED");
    assertThat(mailsFor(pi.getBusinessKey())).extracting(Mail::subject)
        .singleElement().asString().contains("Confirm your backup request");
    assertThat(sla.deadline(pi.getBusinessKey(), SlaClockKind.FIRST_RESPONSE)).isEmpty();

    // and its link can no longer confirm it
    assertThatThrownBy(() -> customer.verify(pi.getBusinessKey(), token(pi)))
        .isInstanceOf(TicketStateConflictException.class).hasMessageContaining("no longer be confirmed");
  }

  @Test
  void slaClocksStartWhenTheRequesterConfirmsAndConfirmingTwiceChangesNothing() {
    // given a staging request confirmed three hours after it was submitted
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "staging"));
    runJobs(pi);
    advance(Duration.ofHours(3));
    customer.verify(pi.getBusinessKey(), token(pi));
    runJobs(pi);

    // then the 4-hour first-response target counts from the confirmation, not from the submission
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(task(pi).getDueDate()).isEqualTo(java.util.Date.from(NOW.plus(Duration.ofHours(7))));
    assertThat(timeline(pi)).containsSubsequence("SUBMITTED", "VERIFIED", "AWAITING_APPROVAL");

    // and a second click on the button is harmless
    customer.verify(pi.getBusinessKey(), token(pi));
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(timeline(pi).stream().filter("VERIFIED"::equals)).hasSize(1);
  }

  @Test
  void importedRequestWasVerifiedWhereItCameFromAndGoesStraightToReview() {
    // given a request imported from another desk, received two hours ago
    var ticket = intake.submitReceivedAt(request(ACME_CONTACT, ACME, "staging"), null, NOW.minus(Duration.ofHours(2)));
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ticket.ticketId()).singleResult();

    // when the process runs
    runJobs(pi);

    // then nobody is asked to confirm and its SLA counts from when it was received
    assertThat(pi).hasPassed(GATEWAY_REQUESTER_VERIFIED, GATEWAY_REQUEST_CONFIRMED)
        .hasNotPassed(TASK_SEND_VERIFICATION_REQUEST).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat(mailsFor(pi.getBusinessKey())).isEmpty();
    assertThat(task(pi).getDueDate()).isEqualTo(java.util.Date.from(NOW.plus(Duration.ofHours(2))));
  }

  @Test
  void starterProjectContactGetsSelfServiceGuidance() {
    ProcessInstance pi = submit(request("dev@initech.example", "st4rt3rpr0j1c", "production"));
    runJobs(pi);
    assertThat(pi).hasPassed(END_REJECTED).hasNotPassed(TASK_RESOLVE_RECOVERY_POINT);
    assertThat(mailsFor(pi.getBusinessKey()).get(0).text())
        .contains("magento-cloud snapshot:create", "magento-cloud snapshot:restore", "ece-tools db-dump");
  }

  @Test
  void environmentWithoutRecoveryPointsIsRejectedAfterResolution() {
    // given Globex staging, which has no recovery points at all
    ProcessInstance pi = submit(request("it@globex.example", "gl0b3xst4g1ng", "staging"));

    // when the process runs
    runJobs(pi);

    // then the ticket is rejected after resolution found nothing
    assertThat(pi).hasPassedInOrder(TASK_RESOLVE_RECOVERY_POINT, GATEWAY_POINT_FOUND, TASK_SEND_REJECTION,
        END_REJECTED).hasNotPassed(TASK_REVIEW_REQUEST);
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
  }

  // ---- staff cannot steer the process by sending variables (issue 11) ----------------------------

  @Test
  void aProductionReviewSentAsStagingWithAYoungPointStillGoesToALead() {
    // given a production request in review
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "production"));

    // when alice approves it, sending the policy's inputs and a reviewer of her choice
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "approve", VariableNames.ENVIRONMENT, "staging",
        VariableNames.SCOPE, "database", VariableNames.POINT_AGE_DAYS, 0, VariableNames.POINT_OVERRIDDEN, false,
        VariableNames.REVIEWED_BY, "leo"));

    // then the policy read production from the ticket, and the lead's form names the real reviewer
    assertThat(pi).isWaitingAt(TASK_LEAD_APPROVAL);
    assertThat(variable(pi, VariableNames.ENVIRONMENT)).isEqualTo("production");
    assertThat(variable(pi, VariableNames.SCOPE)).isEqualTo("full");
    assertThat(variable(pi, VariableNames.REVIEWED_BY)).isEqualTo("alice");
  }

  @Test
  void aSecondQuestionIsEmailedAndWaitsTheConfiguredTimeWhateverRoundAndTimeoutTheAgentSends() {
    // given alice asked once and the customer answered
    ProcessInstance pi = submitAndConfirm(request(ACME_CONTACT, ACME, "staging"));
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "ask-customer", VariableNames.DECISION_NOTE,
        "Which store view?"));
    runJobs(pi);
    customer.reply(pi.getBusinessKey(), token(pi), "The German one.");
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);

    // when she asks again, sending the first round's number (the question mail's dedup key) and short timers
    completeAs("alice", pi, withVariables(VariableNames.DECISION, "ask-customer", VariableNames.DECISION_NOTE,
        "Which day?", VariableNames.REVIEW_ROUND, 1, VariableNames.REPLY_TIMEOUT, "PT1S",
        VariableNames.REPLY_REMINDER_AFTER, "PT0S"));
    runJobs(pi);

    // then the second question is emailed too, and a minute later the ticket still waits, unreminded
    assertThat(variable(pi, VariableNames.REVIEW_ROUND)).isEqualTo(2);
    assertThat(mailsFor(pi.getBusinessKey()).stream().filter(m -> m.text().contains("Which day?"))).hasSize(1);
    advanceAndRun(pi, Duration.ofMinutes(1));
    assertThat(pi).isWaitingAt(TASK_AWAIT_REPLY);
    assertThat(mailsFor(pi.getBusinessKey()).stream().filter(m -> m.subject().contains("Reminder"))).isEmpty();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private TicketStatus status(ProcessInstance pi) {
    return tickets.find(pi.getBusinessKey()).orElseThrow().status();
  }

  private List<String> timeline(ProcessInstance pi) {
    return tickets.events(pi.getBusinessKey()).stream().map(e -> e.type()).toList();
  }

  private Mail mail(ProcessInstance pi, String subjectPart) {
    return mailsFor(pi.getBusinessKey()).stream().filter(m -> m.subject().contains(subjectPart)).findFirst()
        .orElseThrow(() -> new AssertionError("no mail '" + subjectPart + "' for " + pi.getBusinessKey() + " in "
            + mailsFor(pi.getBusinessKey()).stream().map(Mail::subject).toList()));
  }
}
