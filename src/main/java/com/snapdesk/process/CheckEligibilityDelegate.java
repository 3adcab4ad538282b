package com.snapdesk.process;

import com.snapdesk.ticket.review.CheckEligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  private final CheckEligibility eligibility;

  CheckEligibilityDelegate(CheckEligibility eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var decision = eligibility.check(TicketVariables.ticketId(execution));
    execution.setVariable(VariableNames.ELIGIBLE, decision.eligible());
    execution.setVariable(VariableNames.REQUESTER_IS_CONTACT, decision.requesterIsContact());
  }
}
