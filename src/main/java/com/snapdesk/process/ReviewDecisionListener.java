package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.review.RecordReview;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates and records the agent's decision when Task_ReviewRequest completes, and hands the approval
 * policy its inputs — from the ticket record, whatever variables the completion sent ({@link RecordedVariables}).
 * An invalid decision fails the completion with the reason (engine REST answers 400 with it, see
 * security.EngineRestErrors) and the task stays open.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

  private final RecordReview reviews;
  private final TicketRepository tickets;
  private final RecordedVariables recorded;

  ReviewDecisionListener(RecordReview reviews, TicketRepository tickets, RecordedVariables recorded) {
    this.reviews = reviews;
    this.tickets = tickets;
    this.recorded = recorded;
  }

  @Override
  public void notify(DelegateTask task) {
    String ticketId = task.getExecution().getProcessBusinessKey();
    String reviewer = TicketVariables.currentUser(task);
    try {
      var outcome = reviews.record(ticketId, TicketVariables.string(task, VariableNames.DECISION),
          TicketVariables.string(task, VariableNames.DECISION_NOTE),
          TicketVariables.string(task, VariableNames.RECOVERY_POINT_ID), reviewer);
      recorded.restore(task);
      var execution = task.getExecution();
      execution.setVariable(VariableNames.REVIEW_NOTE, TicketVariables.string(task, VariableNames.DECISION_NOTE));
      // computed by RecordReview from the ticket's points and the clock, not taken from the completion
      execution.setVariable(VariableNames.POINT_AGE_DAYS, outcome.pointAgeDays());
      execution.setVariable(VariableNames.POINT_OVERRIDDEN, outcome.pointOverridden());
      execution.setVariable(VariableNames.CHOSEN_POINT, outcome.chosenPoint());
      execution.setVariable(VariableNames.CONVERSATION, TakeCustomerAction.conversation(tickets.messages(ticketId)));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
