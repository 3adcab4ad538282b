package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;

/** Every id {@link RestoreDrillIds} names exists in bpmn/restore-drill.bpmn, and the model talks to the world async. */
class RestoreDrillIdsTest {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private final BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/restore-drill.bpmn").toFile());

  @Test
  void everyNamedFlowElementExistsInTheModel() throws IllegalAccessException {
    List<String> missing = new ArrayList<>();
    for (Field field : RestoreDrillIds.class.getFields()) {
      String name = field.getName();
      if (!Modifier.isStatic(field.getModifiers())
          || !name.matches("(TASK|GATEWAY|BOUNDARY|END|START|EVENT|SUBPROCESS)_.*")) {
        continue;
      }
      String id = (String) field.get(null);
      if (!(model.getModelElementById(id) instanceof FlowElement)) missing.add(name + " = " + id);
    }
    assertThat(missing).as("RestoreDrillIds constants without an element in the model").isEmpty();
    assertThat((Object) model.getModelElementById(RestoreDrillIds.PROCESS)).isNotNull();
  }

  @Test
  void tasksThatTalkToTheBackendOrMailServerAreAsyncAndRetried() {
    // only the record steps write the drill table alone and run in the job before them
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (task.getId().startsWith("Task_Record")) continue;
      assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
      var cycle = task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class)
          .singleResult();
      assertThat(cycle.getTextContent()).as(task.getId()).isNotBlank();
      assertThat(task.getAttributeValueNs(CAMUNDA, "delegateExpression")).as(task.getId()).startsWith("${");
    }
  }
}
