package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.CustomerActions;
import com.snapdesk.ticket.ReviewRecording;
import com.snapdesk.ticket.TicketRepository;
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

  private final ReviewRecording reviews;
  private final TicketRepository tickets;

  ReviewDecisionListener(ReviewRecording reviews, TicketRepository tickets) {
    this.reviews = reviews;
    this.tickets = tickets;
  }

  @Override
  public void notify(DelegateTask task) {
    String ticketId = task.getExecution().getProcessBusinessKey();
    String reviewer = TicketVariables.currentUser(task);
    try {
      var outcome = reviews.record(ticketId, TicketVariables.string(task, ProcessVariables.DECISION),
          TicketVariables.string(task, ProcessVariables.DECISION_NOTE),
          TicketVariables.string(task, ProcessVariables.RECOVERY_POINT_ID), reviewer);
      var execution = task.getExecution();
      execution.setVariable(ProcessVariables.REVIEWED_BY, reviewer);
      execution.setVariable(ProcessVariables.REVIEW_NOTE, TicketVariables.string(task, ProcessVariables.DECISION_NOTE));
      execution.setVariable(ProcessVariables.POINT_AGE_DAYS, outcome.pointAgeDays());
      execution.setVariable(ProcessVariables.POINT_OVERRIDDEN, outcome.pointOverridden());
      execution.setVariable(ProcessVariables.CHOSEN_POINT, outcome.chosenPoint());
      execution.setVariable(ProcessVariables.CONVERSATION, CustomerActions.conversation(tickets.messages(ticketId)));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
