package com.snapdesk.process;

import com.snapdesk.ticket.review.CheckEligibility;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
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
    // Transient: only Gateway_Eligible, right after this task in the same job, reads them; the ticket record keeps
    // the decision (status, rejection reason, timeline). Stored, they were two variables and their history each time.
    execution.setVariable(VariableNames.ELIGIBLE, Variables.booleanValue(decision.eligible(), true));
    execution.setVariable(VariableNames.REQUESTER_IS_CONTACT,
        Variables.booleanValue(decision.requesterIsContact(), true));
  }
}
