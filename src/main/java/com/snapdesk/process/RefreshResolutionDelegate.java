package com.snapdesk.process;

import com.snapdesk.ticket.RecoveryPointSelection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a business failure of retrieval: a fresh resolution for the agent's next review. */
@Component("refreshResolutionDelegate")
class RefreshResolutionDelegate implements JavaDelegate {

  private final RecoveryPointSelection selection;

  RefreshResolutionDelegate(RecoveryPointSelection selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewSheetVariables.write(execution, selection.refresh(TicketVariables.ticketId(execution)));
  }
}
