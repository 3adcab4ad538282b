package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.ReviewRecording;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Validates and records the agent's decision when Task_ReviewRequest completes. An invalid
 * decision fails the completion with the reason (the engine wraps listener exceptions, so engine
 * REST answers 500 with that message) and the task stays open.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements TaskListener {

  private final ReviewRecording reviews;

  ReviewDecisionListener(ReviewRecording reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      reviews.record(task.getExecution().getProcessBusinessKey(),
          TicketVariables.string(task, ProcessVariables.DECISION),
          TicketVariables.string(task, ProcessVariables.DECISION_NOTE),
          TicketVariables.string(task, ProcessVariables.RECOVERY_POINT_ID),
          reviewer(task));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  private static String reviewer(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null) return auth.getUserId();
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
