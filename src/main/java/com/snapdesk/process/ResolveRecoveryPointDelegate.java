package com.snapdesk.process;

import com.snapdesk.ticket.review.ReviewSheet;
import com.snapdesk.ticket.review.SelectRecoveryPoint;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

@Component("resolveRecoveryPointDelegate")
class ResolveRecoveryPointDelegate implements JavaDelegate {

  private final SelectRecoveryPoint selection;

  ResolveRecoveryPointDelegate(SelectRecoveryPoint selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewSheet sheet = selection.resolve(TicketVariables.ticketId(execution));
    // Transient, as the eligibility decision: Gateway_PointFound and Gateway_RequesterVerified right after read them;
    // the ticket keeps the resolution and its status (imported tickets arrive verified).
    execution.setVariable(VariableNames.POINT_FOUND, Variables.booleanValue(sheet.pointFound(), true));
    execution.setVariable(VariableNames.REQUESTER_VERIFIED, Variables.booleanValue(sheet.requesterVerified(), true));
    ReviewSheetVariables.write(execution, sheet);
  }
}
