package com.snapdesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed access to the variables delegates share; names come from {@link VariableNames}. */
final class TicketVariables {

  private TicketVariables() {}

  static String ticketId(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /**
   * One key per process instance, activity and review round: a retried job finds the first attempt's
   * mail, while a second question after a second review is a new mail.
   */
  static String dedupKey(DelegateExecution execution) {
    Object round = execution.getVariable(VariableNames.REVIEW_ROUND);
    return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + (round == null ? 0 : round);
  }

  /** Who completes a task: the logged-in Camunda user (Tasklist, engine REST), else the assignee. */
  static String currentUser(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) return auth.getUserId();
    return task.getAssignee();
  }
}
