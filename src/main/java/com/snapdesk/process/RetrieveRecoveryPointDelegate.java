package com.snapdesk.process;

import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.delivery.RetrieveRecoveryPoint;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts or continues retrieval. Not ready yet: the model waits on a timer and calls again (no sleeping
 * threads). Business failures (the point vanished or is in error) go back to the agent as a BPMN error;
 * anything else is technical and left to the job's retries and, after them, an incident.
 */
@Component("retrieveRecoveryPointDelegate")
class RetrieveRecoveryPointDelegate implements JavaDelegate {

  private final RetrieveRecoveryPoint retrieval;
  private final TicketProperties properties;

  RetrieveRecoveryPointDelegate(RetrieveRecoveryPoint retrieval, TicketProperties properties) {
    this.retrieval = retrieval;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      var progress = retrieval.retrieve(TicketVariables.ticketId(execution));
      execution.setVariable(VariableNames.RETRIEVAL_READY, progress.ready());
      if (progress.ready()) {
        var expiresAt = progress.retrievedAt().plus(properties.retrievedDataExpiry());
        execution.setVariable(VariableNames.EXPIRES_AT, Date.from(expiresAt));
        execution.setVariable(VariableNames.EXPIRY_REMINDER_AT,
            Date.from(expiresAt.minus(properties.expiryReminderBefore())));
      }
    } catch (RecoveryPointUnavailableException e) {
      throw new BpmnError(BpmnIds.ERROR_POINT_UNAVAILABLE, e.getMessage());
    }
  }
}
