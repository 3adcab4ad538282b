package com.snapdesk.drill.persistence;

import com.snapdesk.drill.DrillLog;
import com.snapdesk.drill.DrillOutcome;
import com.snapdesk.drill.DrillPointPolicy;
import com.snapdesk.drill.RestoreDrill;
import com.snapdesk.project.Environment;
import com.snapdesk.sla.DrillTrendHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Restore drills in table {@code restore_drill} (V10), and their outcomes per week for the SLA page. Durations in whole seconds; reasons cut to the column. */
@Repository
class JdbcDrillLog implements DrillLog, DrillTrendHistory {

  static final int REASON_LENGTH = 1000;

  private final JdbcClient jdbc;

  JdbcDrillLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean schedule(RestoreDrill d) {
    try {
      jdbc.sql("""
              insert into restore_drill (drill_id, project_id, environment, slot, start_at, policy, outcome)
              values (:id, :project, :env, :slot, :startAt, :policy, :outcome)""")
          .param("id", d.drillId())
          .param("project", d.projectId())
          .param("env", d.environment().name())
          .param("slot", utc(d.slot()))
          .param("startAt", utc(d.startAt()))
          .param("policy", d.policy().name())
          .param("outcome", d.outcome().name())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public Optional<RestoreDrill> find(String drillId) {
    return jdbc.sql("select * from restore_drill where drill_id = :id").param("id", drillId)
        .query(JdbcDrillLog::map).optional();
  }

  @Override
  public void started(String drillId, String recoveryPointId, Instant pointCreatedAt, Instant startedAt) {
    jdbc.sql("""
            update restore_drill set recovery_point_id = :point, recovery_point_created_at = :pointAt,
              started_at = :startedAt, outcome = :outcome
            where drill_id = :id""")
        .param("id", drillId)
        .param("point", recoveryPointId)
        .param("pointAt", utc(pointCreatedAt))
        .param("startedAt", utc(startedAt))
        .param("outcome", DrillOutcome.RUNNING.name())
        .update();
  }

  @Override
  public void finished(String drillId, DrillOutcome outcome, Duration readyAfter, String reason, Instant at) {
    jdbc.sql("""
            update restore_drill set outcome = :outcome, ready_after_seconds = :readyAfter, reason = :reason,
              finished_at = :at
            where drill_id = :id""")
        .param("id", drillId)
        .param("outcome", outcome.name())
        .param("readyAfter", readyAfter == null ? null : seconds(readyAfter))
        .param("reason", reason == null || reason.length() <= REASON_LENGTH ? reason
            : reason.substring(0, REASON_LENGTH - 1) + "…")
        .param("at", utc(at))
        .update();
  }

  @Override
  public List<RestoreDrill> recent(int limit) {
    return jdbc.sql("select * from restore_drill order by start_at desc, drill_id desc fetch first :limit rows only")
        .param("limit", limit)
        .query(JdbcDrillLog::map).list();
  }

  @Override
  public List<RestoreDrill> latestPerEnvironment() {
    List<RestoreDrill> rows = jdbc.sql("""
            select d.* from restore_drill d
            where d.start_at = (select max(x.start_at) from restore_drill x
                                where x.project_id = d.project_id and x.environment = d.environment)
            order by d.project_id, d.environment, d.drill_id desc""")
        .query(JdbcDrillLog::map).list();
    Map<String, RestoreDrill> latest = new LinkedHashMap<>(); // two drills may share a start: the later id wins
    for (RestoreDrill d : rows) latest.putIfAbsent(d.projectId() + "/" + d.environment(), d);
    return new ArrayList<>(latest.values());
  }

  @Override
  public long unfinished() {
    return jdbc.sql("select count(*) from restore_drill where outcome in ('SCHEDULED', 'RUNNING')")
        .query(Long.class).single();
  }

  /** Finished drills only, by when they finished; a few rows a week, so they are counted here rather than in SQL. */
  @Override
  public List<PeriodOutcomes> outcomesPerPeriod(List<Instant> boundaries, Environment environment) {
    if (boundaries.size() < 2) throw new IllegalArgumentException("at least one period needs two boundaries");
    int periods = boundaries.size() - 1;
    var sql = jdbc.sql("""
            select outcome, finished_at from restore_drill
            where outcome in ('PASSED', 'FAILED', 'TIMED_OUT') and finished_at >= :from and finished_at <= :to"""
            + (environment == null ? "" : " and environment = :env"))
        .param("from", utc(boundaries.get(0)))
        .param("to", utc(boundaries.get(periods)));
    if (environment != null) sql = sql.param("env", environment.name());
    long[] passed = new long[periods];
    long[] failed = new long[periods];
    sql.query((rs, n) -> {
      Instant at = instant(rs, "finished_at");
      int period = periods - 1;
      while (period > 0 && at.isBefore(boundaries.get(period))) period--;
      if (DrillOutcome.PASSED.name().equals(rs.getString("outcome"))) passed[period]++;
      else failed[period]++;
      return period;
    }).list();
    List<PeriodOutcomes> result = new ArrayList<>();
    for (int i = 0; i < periods; i++) result.add(new PeriodOutcomes(passed[i], failed[i]));
    return result;
  }

  private static RestoreDrill map(ResultSet rs, int row) throws SQLException {
    long readyAfter = rs.getLong("ready_after_seconds");
    boolean hasReadyAfter = !rs.wasNull();
    return new RestoreDrill(rs.getString("drill_id"), rs.getString("project_id"),
        Environment.valueOf(rs.getString("environment")), instant(rs, "slot"), instant(rs, "start_at"),
        DrillPointPolicy.valueOf(rs.getString("policy")), rs.getString("recovery_point_id"),
        instant(rs, "recovery_point_created_at"), instant(rs, "started_at"),
        hasReadyAfter ? Duration.ofSeconds(readyAfter) : null, DrillOutcome.valueOf(rs.getString("outcome")),
        rs.getString("reason"), instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** Rounded up, like the SLA log: a drill ready in 0.2 s took 1 s, not none. */
  private static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }
}
