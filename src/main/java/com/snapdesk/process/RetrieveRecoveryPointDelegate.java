package com.snapdesk.process;

import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.ticket.RecoveryPointRetrieval;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Business failures (the point vanished or is in error) go back to the agent as a BPMN error;
 * anything else is technical and left to the job's retries and, after them, an incident.
 */
@Component("retrieveRecoveryPointDelegate")
class RetrieveRecoveryPointDelegate implements JavaDelegate {

  private final RecoveryPointRetrieval retrieval;

  RetrieveRecoveryPointDelegate(RecoveryPointRetrieval retrieval) {
    this.retrieval = retrieval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      retrieval.retrieve(TicketVariables.ticketId(execution));
    } catch (RecoveryPointUnavailableException e) {
      throw new BpmnError(BpmnIds.ERROR_POINT_UNAVAILABLE, e.getMessage());
    }
  }
}
