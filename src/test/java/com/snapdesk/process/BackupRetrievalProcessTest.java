package com.snapdesk.process;

import static com.snapdesk.process.BpmnIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.snapdesk.support.MailMessages.Mail;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import java.nio.file.Files;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path through bpmn/backup-retrieval.bpmn. */
class BackupRetrievalProcessTest extends ProcessTestSupport {

  @Autowired TicketRepository tickets;

  @Test
  void approvedRequestIsRetrievedAndInstructionsAreSent() {
    // given a registered contact asks for Acme production at 07:20 New York time
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    assertThat(pi).isWaitingAt(TASK_CHECK_ELIGIBILITY);

    // when eligibility, resolution and acknowledgement run
    runJobs(pi);

    // then the agent reviews the nearest point with both neighbours in front of them
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST).task().hasCandidateGroup(GROUP_SUPPORT_AGENTS);
    assertThat(pi).variables()
        .containsEntry(ProcessVariables.RESOLVED_RECOVERY_POINT_ID, "rp-prod-1200")
        .containsEntry(ProcessVariables.REQUESTED_UTC, "2026-11-25 12:20 UTC");
    assertThat((String) variable(pi, ProcessVariables.BEFORE_POINT)).contains("rp-prod-1200", "20 min");
    assertThat((String) variable(pi, ProcessVariables.AFTER_POINT)).contains("rp-prod-1400", "1 h 40 min");
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_APPROVAL);
    assertThat(mailsFor(pi.getBusinessKey())).hasSize(1);

    // when the agent approves
    complete(task(pi), withVariables(ProcessVariables.DECISION, "approve", ProcessVariables.DECISION_NOTE, "fine"));
    assertThat(pi).isWaitingAt(TASK_RETRIEVE_RECOVERY_POINT);
    runJobs(pi);

    // then the point is retrieved, the instructions are sent and the ticket is ready
    assertThat(pi).hasPassedInOrder(TASK_RETRIEVE_RECOVERY_POINT, TASK_SEND_RESTORE_INSTRUCTIONS, END_READY)
        .isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.READY);
    String recoveryId = tickets.find(pi.getBusinessKey()).orElseThrow().delivery().recoveryId();
    assertThat(Files.exists(RECOVERY_DIR.resolve(recoveryId).resolve("manifest.json"))).isTrue();
    List<Mail> mails = mailsFor(pi.getBusinessKey());
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).text()).contains("rp-prod-1200", "/mnt/recovery-" + recoveryId);
  }

  @Test
  void agentMayChooseAnotherRecoveryPoint() {
    // given a ticket waiting for review
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    runJobs(pi);

    // when the agent approves with the later point instead
    complete(task(pi), withVariables(ProcessVariables.DECISION, "approve", ProcessVariables.RECOVERY_POINT_ID,
        "rp-prod-1400"));
    runJobs(pi);

    // then that point is the one retrieved and named in the instructions
    assertThat(pi).isEnded().hasPassed(END_READY);
    assertThat(tickets.find(pi.getBusinessKey()).orElseThrow().chosenPoint().id()).isEqualTo("rp-prod-1400");
    assertThat(mailsFor(pi.getBusinessKey()).get(1).text()).contains("rp-prod-1400");
  }

  @Test
  void reviewCannotCompleteWithAnUnusablePointOrARejectionWithoutNote() {
    // given a ticket waiting for review
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    runJobs(pi);

    // when the agent picks a point in error, or rejects without telling the customer why
    // then completion fails with a clear message and the task stays open
    assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "approve",
        ProcessVariables.RECOVERY_POINT_ID, "rp-prod-1100")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("rp-prod-1100");
    assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "reject")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("note");
    assertThatThrownBy(() -> complete(task(pi), withVariables(ProcessVariables.DECISION, "maybe")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("approve or reject");
    assertThat(pi).isWaitingAt(TASK_REVIEW_REQUEST);
  }

  @Test
  void agentRejectionEmailsTheNoteAndEndsRejected() {
    // given a ticket waiting for review
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    runJobs(pi);

    // when the agent rejects with a note
    complete(task(pi), withVariables(ProcessVariables.DECISION, "reject", ProcessVariables.DECISION_NOTE,
        "A restore of this point is already running under SD-OTHER."));
    runJobs(pi);

    // then the customer is told why and the ticket is rejected
    assertThat(pi).hasPassedInOrder(GATEWAY_TO_REJECTION, TASK_SEND_REJECTION, END_REJECTED).isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
    assertThat(mailsFor(pi.getBusinessKey()).get(1).text()).contains("already running under SD-OTHER");
  }

  @Test
  void strangerGetsNeutralRejection() {
    // given someone who is not a registered contact of the project
    ProcessInstance pi = submit(request("mallory@evil.example", ACME, "production"));

    // when the process runs
    runJobs(pi);

    // then the answer is neutral and reveals nothing of the project
    assertThat(pi).hasPassed(TASK_CHECK_ELIGIBILITY, TASK_SEND_REJECTION).hasNotPassed(TASK_RESOLVE_RECOVERY_POINT)
        .isEnded();
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
    Mail mail = mailsFor(pi.getBusinessKey()).get(0);
    assertThat(mail.to()).isEqualTo("mallory@evil.example");
    assertThat(mail.all()).doesNotContain("Acme", "production environment", "rp-prod");
  }

  @Test
  void starterProjectGetsSelfServiceGuidance() {
    // given a contact of a Starter project
    ProcessInstance pi = submit(request("dev@initech.example", "st4rt3rpr0j1c", "production"));

    // when the process runs
    runJobs(pi);

    // then they are told how to take and restore manual snapshots themselves
    assertThat(pi).hasPassed(END_REJECTED).hasNotPassed(TASK_RESOLVE_RECOVERY_POINT);
    assertThat(mailsFor(pi.getBusinessKey()).get(0).text())
        .contains("magento-cloud snapshot:create", "magento-cloud snapshot:restore", "ece-tools db-dump");
  }

  @Test
  void environmentWithoutRecoveryPointsIsRejectedAfterResolution() {
    // given Acme staging, which has no recovery points at all
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "staging"));

    // when the process runs
    runJobs(pi);

    // then the ticket is rejected after resolution found nothing
    assertThat(pi).hasPassedInOrder(TASK_RESOLVE_RECOVERY_POINT, GATEWAY_POINT_FOUND, TASK_SEND_REJECTION,
        END_REJECTED).hasNotPassed(TASK_REVIEW_REQUEST);
    assertThat(status(pi)).isEqualTo(TicketStatus.REJECTED);
  }

  @Test
  void vanishedPointGoesBackToTheAgentWithTheReason() {
    // given an approved ticket whose point disappears before retrieval
    ProcessInstance pi = submit(request(ACME_CONTACT, ACME, "production"));
    runJobs(pi);
    complete(task(pi), withVariables(ProcessVariables.DECISION, "approve"));
    faults.failNext("Recovery point rp-prod-1200 no longer exists");

    // when retrieval runs
    runJobs(pi);

    // then the agent reviews again, seeing why
    assertThat(pi).hasPassed(BOUNDARY_POINT_UNAVAILABLE).isWaitingAt(TASK_REVIEW_REQUEST);
    assertThat((String) variable(pi, ProcessVariables.RETRIEVAL_PROBLEM)).contains("no longer exists");
    assertThat(status(pi)).isEqualTo(TicketStatus.AWAITING_APPROVAL);

    // and approving another point completes the ticket
    complete(task(pi), withVariables(ProcessVariables.DECISION, "approve", ProcessVariables.RECOVERY_POINT_ID,
        "rp-prod-1000"));
    runJobs(pi);
    assertThat(pi).hasPassed(END_READY).isEnded();
  }

  private Object variable(ProcessInstance pi, String name) {
    return engine.getRuntimeService().getVariable(pi.getId(), name);
  }

  private TicketStatus status(ProcessInstance pi) {
    return tickets.find(pi.getBusinessKey()).orElseThrow().status();
  }
}
