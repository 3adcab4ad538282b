package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.identity.Groups;
import com.snapdesk.notify.MailKind;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        .filter(t -> delegateExpression(t).equals("${escalateToLeadsDelegate}")
            || CUSTOMER_MAIL.matcher(delegateExpression(t)).matches())
        .toList();
    assertThat(mailTasks).extracting(FlowElement::getId).containsExactlyInAnyOrderElementsOf(BpmnIds.MAIL_TASKS);
    for (var task : mailTasks) {
      var cycle = task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle.class).singleResult();
      assertThat(cycle.getTextContent()).as(task.getId()).isEqualTo("${mailRetries.cycle}");
    }
  }

  @Test
  void everyCustomerMailTaskNamesAMailKind() {
    var kinds = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Task.class).stream()
        .map(t -> CUSTOMER_MAIL.matcher(delegateExpression(t)))
        .filter(Matcher::matches).map(m -> m.group(1)).toList();
    assertThat(kinds).isNotEmpty();
    // a typo would fail the job at run time, with an incident, when the first customer reaches the task
    assertThat(kinds).allSatisfy(kind -> assertThat(MailKind.valueOf(kind)).isNotNull());
  }

  private static final Pattern CUSTOMER_MAIL = Pattern.compile("\\$\\{sendCustomerMailDelegate\\.of\\('(\\w+)'\\)}");

  private static String delegateExpression(org.camunda.bpm.model.bpmn.instance.Task task) {
    return String.valueOf(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"));
  }

  @Test
  void candidateGroupsAreTheGroupsIdentityCreates() {
    // the bootstrap grants rights to Groups.*; a typo in the model would leave a task nobody may claim
    assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getCamundaCandidateGroups)
        .containsOnly(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS);
  }
}
