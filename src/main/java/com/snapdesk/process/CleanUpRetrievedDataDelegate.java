package com.snapdesk.process;

import com.snapdesk.ticket.delivery.CleanUpRetrievedData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("cleanUpRetrievedDataDelegate")
class CleanUpRetrievedDataDelegate implements JavaDelegate {

  private final CleanUpRetrievedData cleanup;

  CleanUpRetrievedDataDelegate(CleanUpRetrievedData cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cleanup.cleanUp(TicketVariables.ticketId(execution));
  }
}
