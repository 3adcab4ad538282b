package com.snapdesk.process;

import com.snapdesk.ticket.ChangeTicketStatus;
import com.snapdesk.ticket.TicketStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Used from the model as {@code ${ticketStatus.moveTo(execution, 'READY')}}, so the diagram shows every change. */
@Component("ticketStatus")
public class TicketStatusExpressions {

  private final ChangeTicketStatus changes;

  TicketStatusExpressions(ChangeTicketStatus changes) {
    this.changes = changes;
  }

  /** The requester never confirmed: closed without anything retrieved (and no email: nobody proved the mailbox). */
  public void closeUnverified(DelegateExecution execution) {
    changes.closeUnverified(TicketVariables.ticketId(execution));
  }

  public void moveTo(DelegateExecution execution, String status) {
    changes.moveTo(TicketVariables.ticketId(execution), TicketStatus.valueOf(status));
  }
}
