package com.snapdesk.process;

import com.snapdesk.notify.MailKind;
import com.snapdesk.ticket.SendCustomerMail;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every customer email task, bound as {@code ${sendCustomerMailDelegate.of('KIND')}}: the kind is part of the model,
 * not a variable. An input parameter {@code mailKind} made each mail a scope execution and a variable with two
 * history rows. Tickets started on a model version from before still name the bean alone and pass the kind that way.
 * Public, as the other beans the model calls methods of: the expression language invokes public methods only.
 */
@Component("sendCustomerMailDelegate")
public class SendCustomerMailDelegate implements JavaDelegate {

  private final SendCustomerMail notifications;
  private final Map<MailKind, JavaDelegate> byKind = new EnumMap<>(MailKind.class);

  SendCustomerMailDelegate(SendCustomerMail notifications) {
    this.notifications = notifications;
    for (MailKind kind : MailKind.values()) byKind.put(kind, execution -> send(execution, kind));
  }

  /** The delegate for one kind of mail; an unknown name fails the job with the names there are. */
  public JavaDelegate of(String kind) {
    try {
      return byKind.get(MailKind.valueOf(kind));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("No mail kind '" + kind + "'; one of " + byKind.keySet(), e);
    }
  }

  /** Models deployed before the kind moved into the expression: their tasks set it as input parameter. */
  @Override
  public void execute(DelegateExecution execution) {
    send(execution, MailKind.valueOf(TicketVariables.string(execution, VariableNames.MAIL_KIND)));
  }

  private void send(DelegateExecution execution, MailKind kind) {
    notifications.send(TicketVariables.ticketId(execution), kind, TicketVariables.dedupKey(execution));
  }
}
