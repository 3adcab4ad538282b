package com.snapdesk.identity;

import com.snapdesk.process.BpmnIds;
import com.snapdesk.process.VariableNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLA filters of Tasklist, one per question an agent or lead asks: mine, nobody's, leads', production,
 * due soon, overdue. All sorted by due date (the SLA due date the model sets on each task) and showing the
 * ticket id, environment and requested time. Created once, by name; an administrator's later edits stay.
 */
final class TasklistFilters {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MY_TICKETS = "My tickets";
  static final String UNASSIGNED_REVIEWS = "Unassigned reviews";
  static final String LEAD_APPROVALS = "Lead approvals";
  static final String PRODUCTION = "Production";
  static final String DUE_WITHIN_1H = "Due within 1 h";
  static final String OVERDUE = "Overdue";

  private static final List<String> EVERYONE = List.of(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS,
      Groups.MANAGERS);
  /** Agents may read lead tasks (READ_TASK on the process) but not act on them: no filter for them. */
  private static final List<String> LEADS = List.of(Groups.SUPPORT_LEADS, Groups.MANAGERS);

  /** One filter: its query narrows the process's tasks; {@code groups} get READ on it. */
  record Spec(String name, String description, int priority, UnaryOperator<TaskQuery> query, List<String> groups) {}

  static final List<Spec> SPECS = List.of(
      new Spec(MY_TICKETS, "Backup retrievals assigned to me", -20,
          q -> q.taskAssigneeExpression("${currentUser()}"), EVERYONE),
      new Spec(UNASSIGNED_REVIEWS, "Requests no agent has claimed yet", -19,
          q -> q.taskDefinitionKey(BpmnIds.TASK_REVIEW_REQUEST).taskCandidateGroup(Groups.SUPPORT_AGENTS)
              .taskUnassigned(), EVERYONE),
      new Spec(LEAD_APPROVALS, "Second approvals waiting for a lead", -18,
          q -> q.taskDefinitionKey(BpmnIds.TASK_LEAD_APPROVAL).taskCandidateGroup(Groups.SUPPORT_LEADS)
              .includeAssignedTasks(), LEADS),
      new Spec(PRODUCTION, "Production requests for my groups", -17,
          q -> mine(q).processVariableValueEquals(VariableNames.ENVIRONMENT, "production"), EVERYONE),
      new Spec(DUE_WITHIN_1H, "SLA due in the next hour", -16,
          q -> mine(q).dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusHours(1).toDate()}"),
          EVERYONE),
      new Spec(OVERDUE, "SLA due date passed", -15,
          q -> mine(q).dueBeforeExpression("${now()}"), EVERYONE));

  private TasklistFilters() {}

  /** Tasks for the current user's groups, assigned to someone or not. */
  private static TaskQuery mine(TaskQuery q) {
    return q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  /** Creates the filters that do not exist yet; returns every filter with the groups to grant READ to. */
  static Map<Filter, List<String>> ensure(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    Map<Filter, List<String>> result = new LinkedHashMap<>();
    for (Spec spec : SPECS) {
      Filter filter = filters.createTaskFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        TaskQuery query = spec.query().apply(engine.getTaskService().createTaskQuery()
            .processDefinitionKey(BpmnIds.PROCESS)).orderByDueDate().asc();
        filter = filters.newTaskFilter(spec.name()).setOwner(null).setQuery(query)
            .setProperties(Map.of("description", spec.description(), "priority", spec.priority(), "refresh", true,
                "variables", List.of(
                    Map.of("name", VariableNames.TICKET_ID, "label", "Ticket"),
                    Map.of("name", VariableNames.ENVIRONMENT, "label", "Environment"),
                    Map.of("name", VariableNames.REQUESTED_LOCAL, "label", "Requested time"))));
        filters.saveFilter(filter);
        log.info("Created Tasklist filter '{}'", spec.name());
      }
      result.put(filter, spec.groups());
    }
    return result;
  }
}
