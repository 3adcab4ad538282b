package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.review.RecordLeadApproval;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Four eyes, enforced where the task completes (not in the form): the reviewing agent cannot approve as lead. */
@Component("leadDecisionListener")
class LeadDecisionListener implements TaskListener {

  private final RecordLeadApproval leads;

  LeadDecisionListener(RecordLeadApproval leads) {
    this.leads = leads;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      leads.record(task.getExecution().getProcessBusinessKey(),
          TicketVariables.string(task, VariableNames.DECISION),
          TicketVariables.string(task, VariableNames.DECISION_NOTE),
          TicketVariables.currentUser(task),
          TicketVariables.string(task, VariableNames.REVIEWED_BY));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
