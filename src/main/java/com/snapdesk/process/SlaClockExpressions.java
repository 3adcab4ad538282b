package com.snapdesk.process;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaClockReading;
import com.snapdesk.sla.SlaTracker;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The SLA clocks as the model uses them: {@code ${slaClock.start(execution)}}, pause and resume around
 * waits on the customer, due dates for user tasks and dates for the escalation timers.
 */
@Component("slaClock")
public class SlaClockExpressions {

  private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

  private final SlaTracker sla;

  SlaClockExpressions(SlaTracker sla) {
    this.sla = sla;
  }

  public void start(DelegateExecution execution) {
    Environment env = Environment.parse(TicketVariables.string(execution, VariableNames.ENVIRONMENT))
        .orElseThrow(() -> new IllegalStateException("ticket without environment"));
    // A live request counts from the requester's confirmation; an import from when it was first received.
    Object verifiedAt = execution.getVariable(VariableNames.VERIFIED_AT);
    Object submittedAt = execution.getVariable(VariableNames.SUBMITTED_AT);
    if (verifiedAt instanceof Date at) {
      sla.start(TicketVariables.ticketId(execution), env, at.toInstant());
    } else if (submittedAt instanceof Date at) {
      sla.start(TicketVariables.ticketId(execution), env, at.toInstant());
    } else {
      sla.start(TicketVariables.ticketId(execution), env);
    }
  }

  public void pause(DelegateExecution execution, String reason) {
    sla.pause(TicketVariables.ticketId(execution), reason);
  }

  public void resume(DelegateExecution execution) {
    sla.resume(TicketVariables.ticketId(execution));
  }

  public void stop(DelegateExecution execution, String clock) {
    sla.stop(TicketVariables.ticketId(execution), SlaClockKind.valueOf(clock));
  }

  public void end(DelegateExecution execution) {
    sla.end(TicketVariables.ticketId(execution));
  }

  /** Counts reviews, so that emails inside the review loop are one per round (see dedup keys). */
  public void nextReviewRound(DelegateExecution execution) {
    Object round = execution.getVariable(VariableNames.REVIEW_ROUND);
    execution.setVariable(VariableNames.REVIEW_ROUND, round == null ? 1 : ((Number) round).intValue() + 1);
  }

  /** First response until the agent first decided; after that (a later review round) delivery. */
  public String activeForReview(DelegateExecution execution) {
    boolean answered = deadline(execution, SlaClockKind.FIRST_RESPONSE.name()).map(SlaClockReading::finished).orElse(false);
    return (answered ? SlaClockKind.DELIVERY : SlaClockKind.FIRST_RESPONSE).name();
  }

  public Date reviewDue(DelegateExecution execution) {
    return due(execution, activeForReview(execution));
  }

  public Date reviewEscalateAt(DelegateExecution execution) {
    return escalateAt(execution, activeForReview(execution));
  }

  /** No SLA for the environment (or a ticket from before SLAs): no due date. */
  public Date due(DelegateExecution execution, String clock) {
    return deadline(execution, clock).map(d -> Date.from(d.dueAt())).orElse(null);
  }

  /** A clock that is finished, already escalated or absent escalates no more: its timer is put out of reach. */
  public Date escalateAt(DelegateExecution execution, String clock) {
    return deadline(execution, clock)
        .filter(d -> !d.finished() && !d.escalated())
        .map(d -> Date.from(d.escalateAt()))
        .orElse(Date.from(NEVER));
  }

  private Optional<SlaClockReading> deadline(DelegateExecution execution, String clock) {
    return sla.deadline(TicketVariables.ticketId(execution), SlaClockKind.valueOf(clock));
  }
}
