package com.snapdesk.process;

import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.ticket.EscalateToLeads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** An SLA is at risk: alert the support leads by email and flag the ticket; the task itself goes on. */
@Component("escalateToLeadsDelegate")
class EscalateToLeadsDelegate implements JavaDelegate {

  private final EscalateToLeads escalation;

  EscalateToLeadsDelegate(EscalateToLeads escalation) {
    this.escalation = escalation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaClockKind kind = SlaClockKind.valueOf(TicketVariables.string(execution, VariableNames.SLA_CLOCK));
    Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).active().orderByTaskCreateTime().desc().list()
        .stream().findFirst().orElse(null);
    escalation.escalate(TicketVariables.ticketId(execution), kind, TicketVariables.dedupKey(execution),
        task == null ? null : task.getId());
    execution.setVariable(VariableNames.ESCALATED, true);
  }
}
