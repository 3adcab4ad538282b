package com.snapdesk.process;

import com.snapdesk.ticket.RecoveryPointSelection;
import com.snapdesk.ticket.ReviewSheet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("resolveRecoveryPointDelegate")
class ResolveRecoveryPointDelegate implements JavaDelegate {

  private final RecoveryPointSelection selection;

  ResolveRecoveryPointDelegate(RecoveryPointSelection selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewSheet sheet = selection.resolve(TicketVariables.ticketId(execution));
    execution.setVariable(ProcessVariables.POINT_FOUND, sheet.pointFound());
    ReviewSheetVariables.write(execution, sheet);
  }
}
