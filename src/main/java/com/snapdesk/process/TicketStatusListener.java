package com.snapdesk.process;

import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TicketStatusChanges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Used from the model as {@code ${ticketStatus.moveTo(execution, 'READY')}}, so the diagram shows every change. */
@Component("ticketStatus")
public class TicketStatusListener {

  private final TicketStatusChanges changes;

  TicketStatusListener(TicketStatusChanges changes) {
    this.changes = changes;
  }

  public void moveTo(DelegateExecution execution, String status) {
    changes.moveTo(TicketVariables.ticketId(execution), TicketStatus.valueOf(status));
  }
}
