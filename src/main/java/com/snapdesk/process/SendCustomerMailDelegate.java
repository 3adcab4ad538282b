package com.snapdesk.process;

import com.snapdesk.notify.MailKind;
import com.snapdesk.ticket.SendCustomerMail;
import java.util.Arrays;
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

  SendCustomerMailDelegate(SendCustomerMail notifications) {
    this.notifications = notifications;
  }

  /** The delegate for one kind of mail; an unknown name fails the job with the names there are. */
  public JavaDelegate of(String kind) {
    MailKind mail = kindNamed(kind);
    return execution -> send(execution, mail);
  }

  /** Models deployed before the kind moved into the expression: their tasks set it as input parameter. */
  @Override
  public void execute(DelegateExecution execution) {
    send(execution, kindNamed(TicketVariables.string(execution, VariableNames.MAIL_KIND)));
  }

  private static MailKind kindNamed(String kind) {
    try {
      return MailKind.valueOf(kind);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "No mail kind '" + kind + "'; one of " + Arrays.toString(MailKind.values()), e);
    }
  }

  private void send(DelegateExecution execution, MailKind kind) {
    notifications.send(TicketVariables.ticketId(execution), kind, TicketVariables.dedupKey(execution));
  }
}
