package com.snapdesk.process;

import com.snapdesk.drill.AlertLeadsOfFailedDrill;
import com.snapdesk.drill.DrillFailedException;
import com.snapdesk.drill.RunDrill;
import com.snapdesk.ticket.TicketProperties;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of bpmn/restore-drill.bpmn, each one call of {@link RunDrill}. A drill's business failure
 * ({@link DrillFailedException}) becomes the BPMN error the model catches around retrieval and validation; any
 * other exception is technical and left to the job's retries.
 */
@Configuration(proxyBeanMethods = false)
class RestoreDrillDelegates {

  @Bean
  JavaDelegate chooseDrillPointDelegate(RunDrill drill) {
    return failingAsBpmnError(execution -> {
      var point = drill.choosePoint(drillId(execution),
          (String) execution.getVariable(RestoreDrillIds.PINNED_RECOVERY_POINT_ID));
      execution.setVariable(RestoreDrillIds.DRILL_RECOVERY_POINT_ID, point.id());
    });
  }

  @Bean
  JavaDelegate retrieveDrillDataDelegate(RunDrill drill) {
    return failingAsBpmnError(execution ->
        execution.setVariable(RestoreDrillIds.DRILL_DATA_READY, drill.retrieve(drillId(execution)).ready()));
  }

  @Bean
  JavaDelegate validateDrillDataDelegate(RunDrill drill) {
    return failingAsBpmnError(execution -> execution.setVariable(RestoreDrillIds.DRILL_VALIDATION,
        String.join("; ", drill.validate(drillId(execution)).checks())));
  }

  @Bean
  JavaDelegate recordDrillPassedDelegate(RunDrill drill) {
    return execution -> drill.passed(drillId(execution));
  }

  @Bean
  JavaDelegate recordDrillFailedDelegate(RunDrill drill) {
    return execution -> drill.failed(drillId(execution), (String) execution.getVariable(RestoreDrillIds.DRILL_FAILURE));
  }

  @Bean
  JavaDelegate recordDrillTimedOutDelegate(RunDrill drill) {
    return execution -> {
      var ended = drill.timedOut(drillId(execution));
      execution.setVariable(RestoreDrillIds.DRILL_FAILURE, ended.reason());
    };
  }

  @Bean
  JavaDelegate cleanUpDrillDelegate(RunDrill drill) {
    return execution -> drill.cleanUp(drillId(execution));
  }

  /** Once per lead and drill: the dedup key names the instance and this step. */
  @Bean
  JavaDelegate alertLeadsOfFailedDrillDelegate(AlertLeadsOfFailedDrill alert, TicketProperties properties) {
    return execution -> alert.alert(drillId(execution),
        execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId(),
        properties.publicBaseUrl().toString().replaceAll("/+$", "") + "/camunda/app/cockpit/default/#/process-instance/"
            + execution.getProcessInstanceId() + "/runtime");
  }

  /**
   * Fails until an operator acknowledges: the job's last retry leaves a Cockpit incident that names the drill's
   * failure. Setting {@code drillFailureAcknowledged} and retrying ends the drill.
   */
  @Bean
  JavaDelegate reportDrillIncidentDelegate() {
    return execution -> {
      if (Boolean.TRUE.equals(execution.getVariable(RestoreDrillIds.DRILL_FAILURE_ACKNOWLEDGED))) return;
      throw new IllegalStateException("Restore drill " + drillId(execution) + " failed: "
          + execution.getVariable(RestoreDrillIds.DRILL_FAILURE) + " Investigate, then set the variable "
          + RestoreDrillIds.DRILL_FAILURE_ACKNOWLEDGED + " = true and retry this job.");
    };
  }

  static String drillId(DelegateExecution execution) {
    return (String) execution.getVariable(RestoreDrillIds.DRILL_ID);
  }

  private static JavaDelegate failingAsBpmnError(JavaDelegate step) {
    return execution -> {
      try {
        step.execute(execution);
      } catch (DrillFailedException e) {
        throw new BpmnError(RestoreDrillIds.ERROR_DRILL_FAILED, e.getMessage());
      }
    };
  }
}
