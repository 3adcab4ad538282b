package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.OpenWork.OpenIncident;
import com.snapdesk.sla.OpenWork.OpenTask;
import com.snapdesk.sla.OpenWork.OpenTicket;
import com.snapdesk.sla.OpenWork.TaskKind;
import com.snapdesk.sla.SlaHistory.Outcomes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Use case: the manager's SLA view. Open tickets are replayed with the same {@link SlaTracker} arithmetic
 * (and per-environment calendar) that sets due dates and escalation timers; period figures are SQL
 * aggregates over the event history; tasks and incidents come from the workflow's runtime.
 */
@Service
public class SlaDashboard {

  private final SlaTracker sla;
  private final SlaHistory history;
  private final OpenWork work;
  private final TicketStatusLookup statuses;
  private final Clock clock;

  public SlaDashboard(SlaTracker sla, SlaHistory history, OpenWork work, TicketStatusLookup statuses, Clock clock) {
    this.sla = sla;
    this.history = history;
    this.work = work;
    this.statuses = statuses;
    this.clock = clock;
  }

  /** Everything the dashboard page shows, as of one instant. */
  public Snapshot snapshot(int days, Environment environment) {
    Instant now = clock.instant();
    List<OpenTicket> open = work.openTickets();
    List<OpenIncident> incidents = work.incidents();
    return new Snapshot(now, openTickets(open, incidents), period(now, days, environment), workload(open),
        incidents.stream().map(i -> new IncidentRow(i, Duration.between(i.createdAt(), now))).toList());
  }

  /** Open SLA clocks only: breached first (most overdue first), then at risk, then on track. */
  public List<OpenTicketRow> openTickets() {
    return openTickets(work.openTickets(), work.incidents());
  }

  private List<OpenTicketRow> openTickets(List<OpenTicket> open, List<OpenIncident> incidents) {
    List<String> ids = open.stream().map(OpenTicket::ticketId).filter(Objects::nonNull).toList();
    Map<String, TicketSla> clocks = sla.statuses(ids);
    Map<String, String> status = statuses.statusOf(ids);
    Map<String, Long> incidentCount = incidents.stream()
        .collect(Collectors.groupingBy(i -> Objects.toString(i.processInstanceId()), Collectors.counting()));
    List<OpenTicketRow> rows = new ArrayList<>();
    for (OpenTicket t : open) {
      TicketSla s = clocks.get(t.ticketId());
      if (s == null) continue; // no SLA for this environment
      // The most used open clock is the one that needs attention: first response while it runs.
      var worst = List.of(s.firstResponse(), s.delivery()).stream().filter(d -> !d.finished())
          .max(Comparator.comparingDouble(SlaClockReading::usedFraction));
      if (worst.isEmpty()) continue; // delivered: waiting for the customer to finish is not SLA time
      SlaClockReading d = worst.get();
      List<String> assignees = t.tasks().stream().map(OpenTask::assignee).filter(Objects::nonNull).distinct().toList();
      boolean unassigned = t.tasks().stream().anyMatch(task -> task.assignee() == null);
      String task = t.tasks().stream().map(OpenTask::name).filter(Objects::nonNull).findFirst().orElse(null);
      rows.add(new OpenTicketRow(t.ticketId(), s.environment(), status.get(t.ticketId()), d.clock(),
          SlaRisk.of(d.usedFraction(), sla.atRiskFrom()), d.paused(), d.usedFraction(), d.remaining(), d.dueAt(),
          d.target(), assignees.isEmpty() ? null : String.join(", ", assignees), unassigned, task,
          t.processInstanceId(), incidentCount.getOrDefault(t.processInstanceId(), 0L).intValue()));
    }
    rows.sort(Comparator.comparing(OpenTicketRow::risk).thenComparing(OpenTicketRow::remaining)
        .thenComparing(OpenTicketRow::ticketId));
    return rows;
  }

  private Period period(Instant now, int days, Environment environment) {
    if (days < 1 || days > 366) throw new IllegalArgumentException("days must be between 1 and 366: " + days);
    Instant from = now.minus(Duration.ofDays(days));
    return new Period(days, environment, from, now, history.outcomes(from, now, environment));
  }

  /** Review and lead-approval tasks per assignee and unassigned; the group waiting longest first. */
  private static List<WorkloadRow> workload(List<OpenTicket> open) {
    record Item(String ticketId, String processInstanceId, OpenTask task) {}
    Map<String, List<Item>> byAssignee = open.stream()
        .flatMap(t -> t.tasks().stream().filter(task -> task.kind() != TaskKind.OTHER)
            .map(task -> new Item(t.ticketId(), t.processInstanceId(), task)))
        .collect(Collectors.groupingBy(i -> Objects.toString(i.task().assignee(), ""), LinkedHashMap::new,
            Collectors.toList()));
    List<WorkloadRow> rows = new ArrayList<>();
    byAssignee.forEach((assignee, items) -> {
      Item oldest = items.stream().min(Comparator.comparing(i -> i.task().createdAt())).orElseThrow();
      Map<TaskKind, Long> counts = items.stream()
          .collect(Collectors.groupingBy(i -> i.task().kind(), () -> new EnumMap<>(TaskKind.class),
              Collectors.counting()));
      rows.add(new WorkloadRow(assignee.isEmpty() ? null : assignee, counts.getOrDefault(TaskKind.REVIEW, 0L),
          counts.getOrDefault(TaskKind.LEAD_APPROVAL, 0L), oldest.task().createdAt(), oldest.ticketId(),
          oldest.processInstanceId()));
    });
    rows.sort(Comparator.comparing(WorkloadRow::oldestSince));
    return rows;
  }

  public record Snapshot(Instant asOf, List<OpenTicketRow> openTickets, Period period, List<WorkloadRow> workload,
                         List<IncidentRow> incidents) {

    public Map<SlaRisk, Long> openByRisk() {
      Map<SlaRisk, Long> counts = new EnumMap<>(SlaRisk.class);
      for (SlaRisk r : SlaRisk.values()) counts.put(r, 0L);
      openTickets.forEach(t -> counts.merge(t.risk(), 1L, Long::sum));
      return counts;
    }
  }

  /**
   * One ticket with an open SLA clock, shown by its most used open clock.
   *
   * @param status the customer-visible status; null when the ticket row is unknown
   * @param remaining SLA time left; negative once overdue
   * @param assignee who has its open task(s), comma-separated; null when nobody
   * @param unassignedTask whether one of its tasks waits for somebody to claim it
   * @param task the name of its open user task, if any
   */
  public record OpenTicketRow(String ticketId, Environment environment, String status, SlaClockKind clock,
                              SlaRisk risk, boolean paused, double usedFraction, Duration remaining, Instant dueAt,
                              Duration target, String assignee, boolean unassignedTask, String task,
                              String processInstanceId, int incidents) {}

  /** @param environment null for all environments */
  public record Period(int days, Environment environment, Instant from, Instant to,
                       Map<SlaClockKind, Outcomes> outcomes) {}

  /** @param assignee null for tasks nobody has claimed */
  public record WorkloadRow(String assignee, long reviews, long leadApprovals, Instant oldestSince,
                            String oldestTicketId, String oldestProcessInstanceId) {}

  public record IncidentRow(OpenIncident incident, Duration age) {}
}
