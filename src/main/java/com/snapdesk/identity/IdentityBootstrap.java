package com.snapdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.snapdesk.process.BpmnIds;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups, their permissions and the Tasklist filters (see {@link TasklistFilters}), in every environment; idempotent so restarts and
 * a second node change nothing. Demo users are added separately, only in the demo profile.
 */
@Component
class IdentityBootstrap {

  private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
  static final String FILTER_NAME = "Backup retrieval requests";

  private final ProcessEngine engine;

  IdentityBootstrap(ProcessEngine engine) {
    this.engine = engine;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void bootstrap() {
    group(Groups.SUPPORT_AGENTS, "Support agents");
    group(Groups.SUPPORT_LEADS, "Support leads");
    group(Groups.MANAGERS, "Managers");

    for (String g : List.of(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS)) {
      grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(g, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS, Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
          ProcessDefinitionPermissions.READ_HISTORY);
      grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
    }
    // Tasklist cards show the ticket id, environment and requested time: process variables, which the
    // engine lets through only with READ_INSTANCE. Agents see the same on the review form anyway.
    grant(Groups.SUPPORT_AGENTS, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grant(Groups.SUPPORT_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.SUPPORT_LEADS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Groups.SUPPORT_LEADS, Resources.PROCESS_DEFINITION, BpmnIds.PROCESS,
        ProcessDefinitionPermissions.READ_INSTANCE);

    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    grant(Groups.MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
    grant(Groups.MANAGERS, Resources.TASK, "*", Permissions.READ);

    taskWorkOnOpenTasks();

    Filter filter = taskFilter();
    for (String g : List.of(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS, Groups.MANAGERS)) {
      grant(g, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    TasklistFilters.ensure(engine).forEach((slaFilter, groups) ->
        groups.forEach(g -> grant(g, Resources.FILTER, slaFilter.getId(), Permissions.READ)));
  }

  /**
   * Tasks created before the engine's default task permission became TASK_WORK (application.yml) still grant
   * their candidates and assignee UPDATE, with which they could write any process variable. The engine creates
   * one authorization per task; those (not an administrator's "*" grants) are narrowed to TASK_WORK.
   */
  private void taskWorkOnOpenTasks() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    int narrowed = 0;
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
        .hasPermission(Permissions.UPDATE).list()) {
      if (Authorization.ANY.equals(auth.getResourceId()) || auth.getAuthorizationType() != AUTH_TYPE_GRANT) continue;
      auth.removePermission(Permissions.UPDATE);
      auth.addPermission(Permissions.TASK_WORK);
      authorizations.saveAuthorization(auth);
      narrowed++;
    }
    if (narrowed > 0) log.warn("Narrowed {} task authorizations from UPDATE to TASK_WORK", narrowed);
  }

  private void group(String id, String name) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(id).count() > 0) return;
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identity.saveGroup(group);
    log.info("Created group {}", id);
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) authorizations.saveAuthorization(auth);
  }

  private Filter taskFilter() {
    FilterService filters = engine.getFilterService();
    Filter existing = filters.createTaskFilterQuery().filterName(FILTER_NAME).singleResult();
    if (existing != null) return existing;
    TaskQuery query = engine.getTaskService().createTaskQuery().processDefinitionKey(BpmnIds.PROCESS)
        .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByTaskCreateTime().asc();
    Filter filter = filters.newTaskFilter(FILTER_NAME).setOwner(null).setQuery(query)
        .setProperties(Map.of("description", "Backup retrieval tasks for my groups", "priority", -10,
            "variables", List.of(
                Map.of("name", "ticketId", "label", "Ticket"),
                Map.of("name", "project", "label", "Project"),
                Map.of("name", "requestedUtc", "label", "Requested (UTC)"))));
    filters.saveFilter(filter);
    log.info("Created Tasklist filter '{}'", FILTER_NAME);
    return filter;
  }
}
