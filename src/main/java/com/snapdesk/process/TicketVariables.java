package com.snapdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed access to the variables delegates share; names come from {@link ProcessVariables}. */
final class TicketVariables {

  private TicketVariables() {}

  static String ticketId(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** One key per process instance and activity: a retried job finds the first attempt's mail. */
  static String dedupKey(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId();
  }
}
