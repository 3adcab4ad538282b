package com.snapdesk.process;

import com.snapdesk.ticket.TicketProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

@Component
class CamundaTicketProcess implements TicketProcess {

  private final RuntimeService runtime;

  CamundaTicketProcess(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(String ticketId) {
    runtime.createProcessInstanceByKey(BpmnIds.PROCESS)
        .businessKey(ticketId)
        .setVariable(ProcessVariables.TICKET_ID, ticketId)
        .execute();
  }
}
