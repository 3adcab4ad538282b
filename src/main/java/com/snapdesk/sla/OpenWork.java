package com.snapdesk.sla;

import java.time.Instant;
import java.util.List;

/**
 * Port: the tickets the workflow still carries, their open tasks and incidents (the process engine's
 * runtime in production). Bounded by the open work, never by history.
 */
public interface OpenWork {

  /** Every ticket whose process is still running, with its open user tasks. */
  List<OpenTicket> openTickets();

  /** Open incidents of the tickets' processes, oldest first. */
  List<OpenIncident> incidents();

  record OpenTicket(String ticketId, String processInstanceId, List<OpenTask> tasks) {
    public OpenTicket {
      tasks = List.copyOf(tasks);
    }
  }

  /** What a person has to do on a ticket. {@code assignee} is null while nobody claimed it. */
  record OpenTask(String taskId, TaskKind kind, String name, String assignee, Instant createdAt, Instant dueAt) {}

  enum TaskKind { REVIEW, LEAD_APPROVAL, OTHER }

  record OpenIncident(String incidentId, String ticketId, String processInstanceId, String activityId, String type,
                      String message, Instant createdAt) {}
}
