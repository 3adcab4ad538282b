package com.snapdesk.process;

import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketProcess;
import com.snapdesk.ticket.TicketProcessBusyException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Component;

@Component
class CamundaTicketProcess implements TicketProcess {

  private final RuntimeService runtime;

  CamundaTicketProcess(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(Ticket ticket) {
    String ticketId = ticket.id();
    Map<String, Object> vars = new HashMap<>();
    vars.put(VariableNames.TICKET_ID, ticketId);
    vars.put(VariableNames.SUBMITTED_AT, Date.from(ticket.createdAt()));
    vars.put(VariableNames.ENVIRONMENT, ticket.environment().id());
    vars.put(VariableNames.SCOPE, ticket.scope().id());
    // Nothing else: whether the requester is verified is read from the ticket at resolution, the verification
    // timeout from configuration when its timer starts (TicketTimers), and the reply and retrieval timers' settings
    // are written by the staff decisions that precede them (RecordedVariables). Each variable is a runtime row, a
    // history row and a detail row on every submission.
    runtime.createProcessInstanceByKey(BpmnIds.PROCESS).businessKey(ticketId).setVariables(vars).execute();
  }

  @Override
  public void customerVerified(String ticketId, java.time.Instant at) {
    correlate(ticketId, runtime.createMessageCorrelation(BpmnIds.MESSAGE_CUSTOMER_VERIFIED)
        .processInstanceBusinessKey(ticketId).setVariable(VariableNames.VERIFIED_AT, Date.from(at)));
  }

  @Override
  public void customerReplied(String ticketId, String conversation) {
    correlate(ticketId, runtime.createMessageCorrelation(BpmnIds.MESSAGE_CUSTOMER_REPLIED)
        .processInstanceBusinessKey(ticketId).setVariable(VariableNames.CONVERSATION, conversation));
  }

  @Override
  public void customerCancelled(String ticketId) {
    correlate(ticketId, runtime.createMessageCorrelation(BpmnIds.MESSAGE_CUSTOMER_CANCELLED)
        .processInstanceBusinessKey(ticketId));
  }

  @Override
  public void customerConfirmed(String ticketId) {
    correlate(ticketId, runtime.createMessageCorrelation(BpmnIds.MESSAGE_CUSTOMER_CONFIRMED)
        .processInstanceBusinessKey(ticketId));
  }

  /**
   * A customer's message can meet a job that is finishing at the same moment (say, the acknowledgement email
   * while the customer cancels): the engine then refuses one of them. The caller may simply try again.
   */
  private static void correlate(String ticketId, MessageCorrelationBuilder correlation) {
    try {
      correlation.correlate();
    } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
      // Mismatching: the link was used before the job that sent it had committed its wait state.
      throw new TicketProcessBusyException(ticketId, e);
    }
  }
}
