package com.snapdesk.process;

import com.snapdesk.ticket.review.SelectRecoveryPoint;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After a business failure of retrieval: a fresh resolution for the agent's next review. */
@Component("refreshResolutionDelegate")
class RefreshResolutionDelegate implements JavaDelegate {

  private final SelectRecoveryPoint selection;

  RefreshResolutionDelegate(SelectRecoveryPoint selection) {
    this.selection = selection;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewSheetVariables.write(execution, selection.refresh(TicketVariables.ticketId(execution)));
  }
}
