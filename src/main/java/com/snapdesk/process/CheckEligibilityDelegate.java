package com.snapdesk.process;

import com.snapdesk.ticket.EligibilityCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  private final EligibilityCheck eligibility;

  CheckEligibilityDelegate(EligibilityCheck eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var decision = eligibility.check(TicketVariables.ticketId(execution));
    execution.setVariable(ProcessVariables.ELIGIBLE, decision.eligible());
  }
}
