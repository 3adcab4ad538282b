package com.snapdesk.process;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.LeadApprovalRecording;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Four eyes, enforced where the task completes (not in the form): the reviewing agent cannot approve as lead. */
@Component("leadDecisionListener")
class LeadDecisionListener implements TaskListener {

  private final LeadApprovalRecording leads;

  LeadDecisionListener(LeadApprovalRecording leads) {
    this.leads = leads;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      leads.record(task.getExecution().getProcessBusinessKey(),
          TicketVariables.string(task, ProcessVariables.DECISION),
          TicketVariables.string(task, ProcessVariables.DECISION_NOTE),
          TicketVariables.currentUser(task),
          TicketVariables.string(task, ProcessVariables.REVIEWED_BY));
    } catch (InvalidRequestException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }
}
