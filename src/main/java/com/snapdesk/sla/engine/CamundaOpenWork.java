package com.snapdesk.sla.engine;

import com.snapdesk.process.BpmnIds;
import com.snapdesk.sla.OpenWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open work of the dashboard from the engine's runtime tables: running instances of the backup
 * retrieval process, their user tasks and incidents. Three queries whatever the history holds.
 *
 * <p>Runs without a Camunda authentication on the thread, so the engine's authorization does not filter
 * it; the endpoint lets only managers and administrators in.
 */
@Component
class CamundaOpenWork implements OpenWork {

  private final RuntimeService runtime;
  private final TaskService tasks;

  CamundaOpenWork(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public List<OpenTicket> openTickets() {
    Map<String, List<Task>> byInstance = tasks.createTaskQuery().processDefinitionKey(BpmnIds.PROCESS)
        .orderByTaskCreateTime().asc().list().stream()
        .collect(Collectors.groupingBy(Task::getProcessInstanceId));
    List<OpenTicket> open = new ArrayList<>();
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(BpmnIds.PROCESS).list()) {
      List<OpenTask> openTasks = byInstance.getOrDefault(pi.getId(), List.of()).stream()
          .map(t -> new OpenTask(t.getId(), kind(t.getTaskDefinitionKey()), t.getName(), t.getAssignee(),
              instant(t.getCreateTime()), instant(t.getDueDate())))
          .toList();
      open.add(new OpenTicket(pi.getBusinessKey(), pi.getId(), openTasks));
    }
    return open;
  }

  @Override
  public List<OpenIncident> incidents() {
    List<Incident> incidents = runtime.createIncidentQuery().processDefinitionKeyIn(BpmnIds.PROCESS)
        .orderByIncidentTimestamp().asc().list();
    Map<String, String> ticketOf = incidents.isEmpty() ? Map.of()
        : runtime.createProcessInstanceQuery()
            .processInstanceIds(incidents.stream().map(Incident::getProcessInstanceId)
                .collect(Collectors.toSet()))
            .list().stream()
            .collect(Collectors.toMap(ProcessInstance::getId, pi -> String.valueOf(pi.getBusinessKey())));
    return incidents.stream()
        .map(i -> new OpenIncident(i.getId(), ticketOf.get(i.getProcessInstanceId()), i.getProcessInstanceId(),
            i.getActivityId(), i.getIncidentType(), i.getIncidentMessage(), instant(i.getIncidentTimestamp())))
        .toList();
  }

  private static TaskKind kind(String taskDefinitionKey) {
    if (BpmnIds.TASK_REVIEW_REQUEST.equals(taskDefinitionKey)) return TaskKind.REVIEW;
    if (BpmnIds.TASK_LEAD_APPROVAL.equals(taskDefinitionKey)) return TaskKind.LEAD_APPROVAL;
    return TaskKind.OTHER;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
