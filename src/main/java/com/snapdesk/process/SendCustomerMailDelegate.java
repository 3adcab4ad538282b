package com.snapdesk.process;

import com.snapdesk.notify.MailKind;
import com.snapdesk.ticket.SendCustomerMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every customer email task: the kind comes from the task's input parameter {@code mailKind}. */
@Component("sendCustomerMailDelegate")
class SendCustomerMailDelegate implements JavaDelegate {

  private final SendCustomerMail notifications;

  SendCustomerMailDelegate(SendCustomerMail notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MailKind kind = MailKind.valueOf(TicketVariables.string(execution, VariableNames.MAIL_KIND));
    notifications.send(TicketVariables.ticketId(execution), kind, TicketVariables.dedupKey(execution));
  }
}
