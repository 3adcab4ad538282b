package com.snapdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.OpenWork.OpenIncident;
import com.snapdesk.sla.OpenWork.OpenTask;
import com.snapdesk.sla.OpenWork.OpenTicket;
import com.snapdesk.sla.OpenWork.TaskKind;
import com.snapdesk.sla.SlaDashboard.OpenTicketRow;
import com.snapdesk.sla.SlaDashboard.WorkloadRow;
import com.snapdesk.sla.SlaHistory.Outcomes;
import com.snapdesk.sla.persistence.JdbcSlaEventLog;
import com.snapdesk.support.MutableClock;
import com.snapdesk.support.SlaDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's open tickets and workload, with the engine and the ticket table replaced by lists. */
class SlaDashboardTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final SlaDatabase db = SlaDatabase.create();
  private final MutableClock clock = new MutableClock(NOW);
  private final SlaTracker sla = new SlaTracker(new JdbcSlaEventLog(db.jdbc()), SlaProperties.defaults(),
      clock);
  private final List<OpenTicket> open = new ArrayList<>();
  private final SlaDashboard dashboard = new SlaDashboard(sla, (from, to, env) -> Map.of(
      SlaClockKind.FIRST_RESPONSE, Outcomes.NONE, SlaClockKind.DELIVERY, Outcomes.NONE), new OpenWork() {
        @Override public List<OpenTicket> openTickets() { return open; }
        @Override public List<OpenIncident> incidents() { return List.of(); }
      }, new TicketStatusLookup() {
        @Override public Map<String, String> statusOf(Collection<String> ids) { return Map.of(); }
        @Override public List<String> openStatuses() { return List.of(); }
        @Override public Map<String, Long> openByStatus() { return Map.of(); }
      }, clock);

  @AfterEach
  void shutDown() {
    db.close();
  }

  @Test
  void listsBreachedThenAtRiskThenOnTrackMostUrgentFirst() {
    // given production tickets submitted 20, 50, 70 and 130 minutes ago, and one delivered
    submitted("SD-ONTRACK", 20, "alice");
    submitted("SD-ATRISK", 50, null);
    submitted("SD-BREACH1", 70, null);
    submitted("SD-BREACH2", 130, "bob");
    submitted("SD-DONE", 30, null);
    clock.set(NOW.minus(Duration.ofMinutes(10)));
    sla.stop("SD-DONE", SlaClockKind.FIRST_RESPONSE);
    sla.stop("SD-DONE", SlaClockKind.DELIVERY);
    clock.set(NOW);

    // when the dashboard lists the open tickets
    List<OpenTicketRow> rows = dashboard.openTickets();

    // then the most overdue comes first, then at risk, then on track; delivered ones are not listed
    assertThat(rows).extracting(OpenTicketRow::ticketId, OpenTicketRow::risk, r -> r.remaining().toMinutes(),
            OpenTicketRow::assignee)
        .containsExactly(
            tuple("SD-BREACH2", SlaRisk.BREACHED, -70L, "bob"),
            tuple("SD-BREACH1", SlaRisk.BREACHED, -10L, null),
            tuple("SD-ATRISK", SlaRisk.AT_RISK, 10L, null),
            tuple("SD-ONTRACK", SlaRisk.ON_TRACK, 40L, "alice"));
    assertThat(rows.get(1).unassignedTask()).isTrue();
  }

  @Test
  void aTicketWithoutSlaClocksIsNotListed() {
    // given a running ticket for an environment without targets (no clocks were started)
    open.add(new OpenTicket("SD-INTEGR", "pi-x", List.of()));

    // when listing
    // then it is left out rather than shown with made-up figures
    assertThat(dashboard.openTickets()).isEmpty();
  }

  @Test
  void groupsReviewAndLeadTasksPerAssigneeOldestFirst() {
    // given reviews and a lead approval, some claimed, created at different times
    submitted("SD-A", 40, "alice");
    submitted("SD-B", 90, null);
    submitted("SD-C", 10, "alice");
    open.add(new OpenTicket("SD-D", "pi-SD-D", List.of(new OpenTask("t-D", TaskKind.LEAD_APPROVAL,
        "Approve as lead", null, NOW.minus(Duration.ofMinutes(5)), null))));

    // when the dashboard computes the workload
    List<WorkloadRow> workload = dashboard.snapshot(30, Environment.PRODUCTION).workload();

    // then the unassigned group (oldest task 90 minutes) comes before alice (40 minutes)
    assertThat(workload).extracting(WorkloadRow::assignee, WorkloadRow::reviews, WorkloadRow::leadApprovals,
            WorkloadRow::oldestTicketId)
        .containsExactly(tuple(null, 1L, 1L, "SD-B"), tuple("alice", 2L, 0L, "SD-A"));
  }

  private void submitted(String ticketId, int minutesAgo, String assignee) {
    Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
    sla.start(ticketId, Environment.PRODUCTION, at);
    open.add(new OpenTicket(ticketId, "pi-" + ticketId, List.of(new OpenTask("t-" + ticketId, TaskKind.REVIEW,
        "Review request", assignee, at, null))));
  }
}
