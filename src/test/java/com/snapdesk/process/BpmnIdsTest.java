package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.identity.Groups;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Every element id that code and tests name in {@link BpmnIds} exists in the model: a rename breaks here first. */
class BpmnIdsTest {

  private final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/backup-retrieval.bpmn").toFile());

  @Test
  void everyNamedFlowElementExistsInTheModel() throws IllegalAccessException {
    List<String> missing = new ArrayList<>();
    for (Field field : BpmnIds.class.getFields()) {
      String name = field.getName();
      if (!Modifier.isStatic(field.getModifiers()) || !name.matches("(TASK|GATEWAY|BOUNDARY|END|START|EVENT)_.*")) {
        continue;
      }
      String id = (String) field.get(null);
      if (!(model.getModelElementById(id) instanceof FlowElement)) missing.add(name + " = " + id);
    }
    assertThat(missing).as("BpmnIds constants without an element in the model").isEmpty();
    assertThat((Object) model.getModelElementById(BpmnIds.PROCESS)).isNotNull();
  }

  @Test
  void everyTaskThatSendsMailWaitsForTheMailServerWithTheMailRetryCycle() {
    // the tasks bound to a mail delegate, as the model says
    var mailTasks = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Task.class).stream()
        .filter(t -> java.util.Set.of("${sendCustomerMailDelegate}", "${escalateToLeadsDelegate}").contains(
            String.valueOf(t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"))))
        .toList();
    assertThat(mailTasks).extracting(FlowElement::getId).containsExactlyInAnyOrderElementsOf(BpmnIds.MAIL_TASKS);
    for (var task : mailTasks) {
      var cycle = task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class).singleResult();
      assertThat(cycle.getTextContent()).as(task.getId()).isEqualTo("${mailRetries.cycle}");
    }
  }

  @Test
  void candidateGroupsAreTheGroupsIdentityCreates() {
    // the bootstrap grants rights to Groups.*; a typo in the model would leave a task nobody may claim
    assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaCandidateGroups)
        .containsOnly(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS);
  }
}
