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
 * policy its inputs. An invalid decision fails the completion with the reason (the engine wraps listener
 * exceptions, so engine REST answers 500 with that message) and the task stays open.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

  private final RecordReview reviews;
  private final TicketRepository tickets;

  ReviewDecisionListener(RecordReview reviews, TicketRepository tickets) {
    this.reviews = reviews;
    this.tickets = tickets;
  }

  @Override
  public void notify(DelegateTask task) {
    String ticketId = task.getExecution().getProcessBusinessKey();
    String reviewer = TicketVariables.currentUser(task);
    try {
      var outcome = reviews.record(ticketId, TicketVariables.string(task, VariableNames.DECISION),
          TicketVariables.string(task, VariableNames.DECISION_NOTE),
          TicketVariables.string(task, VariableNames.RECOVERY_POINT_ID), reviewer);
      var execution = task.getExecution();
      execution.setVariable(VariableNames.REVIEWED_BY, reviewer);
      execution.setVariable(VariableNames.REVIEW_NOTE, TicketVariables.string(task, VariableNames.DECISION_NOTE));
      execution.setVariable(VariableNames.POINT_AGE_DAYS, outcome.pointAgeDays());
      execution.setVariable(VariableNames.POINT_OVERRIDDEN, outcome.pointOverridden());
      execution.setVariable(VariableNames.CHOSEN_POINT, outcome.chosenPoint());
      execution.setVariable(VariableNames.CONVERSATION, TakeCustomerAction.conversation(tickets.messages(ticketId)));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
