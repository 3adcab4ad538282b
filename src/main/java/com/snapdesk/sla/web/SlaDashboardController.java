package com.snapdesk.sla.web;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaDashboard;
import com.snapdesk.sla.SlaDashboard.IncidentRow;
import com.snapdesk.sla.SlaDashboard.OpenTicketRow;
import com.snapdesk.sla.SlaDashboard.WorkloadRow;
import com.snapdesk.sla.SlaHistory.Outcomes;
import com.snapdesk.sla.SlaRisk;
import com.snapdesk.sla.SlaTrends;
import com.snapdesk.sla.SlaTrends.Trends;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The data of the Cockpit "SLA" plugin. Who may call it is decided before it is reached: a Camunda
 * login (the Cockpit session or HTTP Basic) of a manager or administrator (see security/SecurityChains).
 * Durations are whole seconds, so the page needs no duration parser.
 */
@RestController
@RequestMapping("/api/sla")
class SlaDashboardController {

  private final SlaDashboard dashboard;
  private final SlaTrends trends;

  SlaDashboardController(SlaDashboard dashboard, SlaTrends trends) {
    this.dashboard = dashboard;
    this.trends = trends;
  }

  /**
   * @param days the period of the met/breached figures and percentiles, counted back from now
   * @param environment {@code production}, {@code staging}, ... or {@code all}
   */
  @GetMapping("/dashboard")
  DashboardJson dashboard(@RequestParam(defaultValue = "30") int days,
                          @RequestParam(defaultValue = "all") String environment) {
    if (days < 1 || days > 366) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days must be between 1 and 366");
    }
    Environment env = "all".equalsIgnoreCase(environment) ? null : Environment.parse(environment)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "unknown environment '" + environment + "': use production, staging, integration or all"));
    var snapshot = dashboard.snapshot(days, env);
    var byRisk = snapshot.openByRisk();
    var period = snapshot.period();
    return new DashboardJson(snapshot.asOf(),
        new Summary(byRisk.get(SlaRisk.BREACHED), byRisk.get(SlaRisk.AT_RISK), byRisk.get(SlaRisk.ON_TRACK)),
        snapshot.openTickets().stream().map(SlaDashboardController::ticket).toList(),
        new PeriodJson(period.days(), period.environment() == null ? "all" : period.environment().id(),
            period.from(), period.to(), figures(period.outcomes().get(SlaClockKind.FIRST_RESPONSE)),
            figures(period.outcomes().get(SlaClockKind.DELIVERY))),
        snapshot.workload().stream().map(w -> workload(w, snapshot.asOf())).toList(),
        snapshot.incidents().stream().map(SlaDashboardController::incident).toList(),
        trends(trends.weekly(snapshot.asOf(), env)));
  }

  /**
   * @param trends the last 12 weeks (Monday 00:00 UTC, the current week last), per environment and for restore
   *               drills; follows the environment filter, not {@code days}
   */
  record DashboardJson(Instant asOf, Summary summary, List<TicketJson> openTickets, PeriodJson period,
                       List<WorkloadJson> workload, List<IncidentJson> incidents, TrendsJson trends) {}

  record TrendsJson(List<Instant> weekStarts, List<EnvironmentTrendJson> environments, List<DrillWeekJson> drills) {}

  record EnvironmentTrendJson(String environment, List<WeekJson> weeks) {}

  record WeekJson(Instant weekStart, Figures firstResponse, Figures delivery) {}

  record DrillWeekJson(Instant weekStart, long passed, long failed) {}

  private static TrendsJson trends(Trends t) {
    return new TrendsJson(t.weekStarts(),
        t.environments().stream().map(e -> new EnvironmentTrendJson(e.environment().id(), e.weeks().stream()
            .map(w -> new WeekJson(w.start(), figures(w.firstResponse()), figures(w.delivery()))).toList())).toList(),
        t.drills().stream().map(d -> new DrillWeekJson(d.start(), d.passed(), d.failed())).toList());
  }

  record Summary(long breached, long atRisk, long onTrack) {}

  record TicketJson(String ticketId, String environment, String status, String clock, String risk, boolean paused,
                    long usedPercent, long remainingSeconds, Instant dueAt, long targetSeconds, String assignee,
                    boolean unassignedTask, String task, String processInstanceId, int incidents) {}

  record PeriodJson(int days, String environment, Instant from, Instant to, Figures firstResponse,
                    Figures delivery) {}

  record Figures(long met, long breached, long total, Double metPercent, Double breachedPercent, Long p50Seconds,
                 Long p90Seconds, Long maxSeconds) {}

  record WorkloadJson(String assignee, long reviews, long leadApprovals, long total, Instant oldestSince,
                      long oldestAgeSeconds, String oldestTicketId, String oldestProcessInstanceId) {}

  record IncidentJson(String incidentId, String ticketId, String processInstanceId, String activityId, String type,
                      String message, Instant createdAt, long ageSeconds) {}

  private static TicketJson ticket(OpenTicketRow t) {
    return new TicketJson(t.ticketId(), t.environment().id(), t.status(), t.clock().name(), t.risk().name(),
        t.paused(), Math.round(t.usedFraction() * 100), t.remaining().getSeconds(), t.dueAt(),
        t.target().getSeconds(), t.assignee(), t.unassignedTask(), t.task(), t.processInstanceId(), t.incidents());
  }

  private static Figures figures(Outcomes o) {
    return new Figures(o.met(), o.breached(), o.total(), o.metPercent(), o.breachedPercent(), seconds(o.p50()),
        seconds(o.p90()), seconds(o.max()));
  }

  private static WorkloadJson workload(WorkloadRow w, Instant now) {
    return new WorkloadJson(w.assignee(), w.reviews(), w.leadApprovals(), w.reviews() + w.leadApprovals(),
        w.oldestSince(), Duration.between(w.oldestSince(), now).getSeconds(), w.oldestTicketId(),
        w.oldestProcessInstanceId());
  }

  private static IncidentJson incident(IncidentRow row) {
    var i = row.incident();
    return new IncidentJson(i.incidentId(), i.ticketId(), i.processInstanceId(), i.activityId(), i.type(),
        i.message(), i.createdAt(), row.age().getSeconds());
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.getSeconds();
  }
}
