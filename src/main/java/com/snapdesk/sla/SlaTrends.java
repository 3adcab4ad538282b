package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaHistory.Outcomes;
import com.snapdesk.sla.SlaTrendHistory.PeriodOutcomes;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Use case: the SLA page's trend charts. Weeks run Monday 00:00 UTC to Monday; the last one is the current week
 * up to now. Each week's figures are the same aggregate as the period table ({@link SlaHistory#outcomes}) over
 * that week, so a chart and a table of the same week can never disagree.
 */
@Service
public class SlaTrends {

  public static final int WEEKS = 12;

  private final SlaTrendHistory history;
  private final DrillTrendHistory drills;

  public SlaTrends(SlaTrendHistory history, DrillTrendHistory drills) {
    this.history = history;
    this.drills = drills;
  }

  /** @param environment only this environment; null for every environment that had finished clocks */
  public Trends weekly(Instant now, Environment environment) {
    List<Instant> starts = weekStarts(now);
    List<Instant> boundaries = new ArrayList<>(starts);
    boundaries.add(now);
    Map<Environment, List<Map<SlaClockKind, Outcomes>>> byEnvironment = new EnumMap<>(Environment.class);
    for (PeriodOutcomes row : history.outcomesPerPeriod(boundaries, environment)) {
      byEnvironment.computeIfAbsent(row.environment(), e -> emptyWeeks()).get(row.period())
          .put(row.clock(), row.outcomes());
    }
    if (environment != null) byEnvironment.computeIfAbsent(environment, e -> emptyWeeks());
    List<EnvironmentTrend> environments = new ArrayList<>();
    byEnvironment.forEach((env, weeks) -> {
      List<Week> rows = new ArrayList<>();
      for (int i = 0; i < WEEKS; i++) {
        rows.add(new Week(starts.get(i), weeks.get(i).get(SlaClockKind.FIRST_RESPONSE),
            weeks.get(i).get(SlaClockKind.DELIVERY)));
      }
      environments.add(new EnvironmentTrend(env, rows));
    });
    List<DrillTrendHistory.PeriodOutcomes> drillWeeks = drills.outcomesPerPeriod(boundaries, environment);
    List<DrillWeek> drillRows = new ArrayList<>();
    for (int i = 0; i < WEEKS; i++) {
      drillRows.add(new DrillWeek(starts.get(i), drillWeeks.get(i).passed(), drillWeeks.get(i).failed()));
    }
    return new Trends(starts, environments, drillRows);
  }

  /** The Mondays of the last {@value #WEEKS} weeks, oldest first, the current week's last. */
  static List<Instant> weekStarts(Instant now) {
    Instant monday = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
    List<Instant> starts = new ArrayList<>();
    for (int i = WEEKS - 1; i >= 0; i--) starts.add(monday.minus(7L * i, ChronoUnit.DAYS));
    return starts;
  }

  private static List<Map<SlaClockKind, Outcomes>> emptyWeeks() {
    List<Map<SlaClockKind, Outcomes>> weeks = new ArrayList<>();
    for (int i = 0; i < WEEKS; i++) {
      Map<SlaClockKind, Outcomes> week = new EnumMap<>(SlaClockKind.class);
      for (SlaClockKind kind : SlaClockKind.values()) week.put(kind, Outcomes.NONE);
      weeks.add(week);
    }
    return weeks;
  }

  public record Trends(List<Instant> weekStarts, List<EnvironmentTrend> environments, List<DrillWeek> drills) {}

  public record EnvironmentTrend(Environment environment, List<Week> weeks) {}

  public record Week(Instant start, Outcomes firstResponse, Outcomes delivery) {}

  public record DrillWeek(Instant start, long passed, long failed) {}
}
