package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.review.RecordLeadApproval;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes, enforced where the task completes (not in the form): the reviewing agent cannot approve as lead.
 * Who reviewed comes from the ticket's recorded review, never from the {@code reviewedBy} variable; what the
 * process reads afterwards is put back from the record ({@link RecordedVariables}).
 */
@Component("leadDecisionListener")
class LeadDecisionListener implements TaskListener {

  private final RecordLeadApproval leads;
  private final RecordedVariables recorded;

  LeadDecisionListener(RecordLeadApproval leads, RecordedVariables recorded) {
    this.leads = leads;
    this.recorded = recorded;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      leads.record(task.getExecution().getProcessBusinessKey(),
          TicketVariables.string(task, VariableNames.DECISION),
          TicketVariables.string(task, VariableNames.DECISION_NOTE),
          TicketVariables.currentUser(task));
      recorded.restore(task);
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
