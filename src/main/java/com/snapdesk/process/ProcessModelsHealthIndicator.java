package com.snapdesk.process;

import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code processModels}, part of readiness: the ticket process, its
 * approval policy and the restore-drill process are deployed, with every form beside them. Without them every
 * submission (or every scheduled drill) would fail, so the node must not take traffic.
 */
final class ProcessModelsHealthIndicator extends AbstractHealthIndicator {

  private final RepositoryService repository;
  private final List<String> expectedResources;

  ProcessModelsHealthIndicator(RepositoryService repository, List<String> expectedResources) {
    super("Process models check failed");
    this.repository = repository;
    this.expectedResources = expectedResources;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    ProcessDefinition process = repository.createProcessDefinitionQuery()
        .processDefinitionKey(BpmnIds.PROCESS).latestVersion().singleResult();
    long policies = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(BpmnIds.DECISION_APPROVAL_POLICY).latestVersion().count();
    long drills = repository.createProcessDefinitionQuery()
        .processDefinitionKey(RestoreDrillIds.PROCESS).latestVersion().count();
    if (process == null || policies == 0 || drills == 0 || expectedResources.isEmpty()) {
      health.down().withDetail("problem", "process " + BpmnIds.PROCESS + ", process " + RestoreDrillIds.PROCESS
          + " or decision " + BpmnIds.DECISION_APPROVAL_POLICY + " is not deployed");
      return;
    }
    var deployed = new TreeSet<>(repository.getDeploymentResourceNames(process.getDeploymentId()));
    var missing = new TreeSet<>(expectedResources);
    missing.removeAll(deployed);
    health.withDetail("process", process.getKey() + ":" + process.getVersion())
        .withDetail("deployment", process.getDeploymentId())
        .withDetail("resources", deployed);
    if (missing.isEmpty()) health.up();
    else health.down().withDetail("missing", missing);
  }
}
