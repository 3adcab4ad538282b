package com.snapdesk.sla.persistence;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaEvent;
import com.snapdesk.sla.SlaEventLog;
import com.snapdesk.sla.SlaEventType;
import com.snapdesk.sla.SlaLogEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA event log in table {@code sla_event}. Durations are stored in whole seconds, rounded up, so
 * {@code elapsed_seconds <= target_seconds} holds exactly for MET rows; details longer than the
 * column are cut.
 */
@Repository
public class JdbcSlaEventLog implements SlaEventLog {

  static final int DETAIL_LENGTH = 500;
  private static final int BATCH = 500;

  private final JdbcClient jdbc;

  public JdbcSlaEventLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(SlaLogEntry entry) {
    SlaEvent e = entry.event();
    jdbc.sql("""
            insert into sla_event (ticket_id, clock, type, occurred_at, environment, target_seconds,
              elapsed_seconds, detail)
            values (:ticket, :clock, :type, :at, :env, :target, :elapsed, :detail)""")
        .param("ticket", e.ticketId())
        .param("clock", e.clock() == null ? null : e.clock().name())
        .param("type", e.type().name())
        .param("at", e.at().atOffset(ZoneOffset.UTC))
        .param("env", entry.environment().name())
        .param("target", seconds(entry.target()))
        .param("elapsed", seconds(entry.elapsed()))
        .param("detail", cut(e.detail()))
        .update();
  }

  @Override
  public List<SlaLogEntry> history(String ticketId) {
    return jdbc.sql("select * from sla_event where ticket_id = :ticket order by occurred_at, id")
        .param("ticket", ticketId)
        .query(JdbcSlaEventLog::map)
        .list();
  }

  /** One query per 500 tickets, so a dashboard over hundreds of open tickets is a handful of queries. */
  @Override
  public Map<String, List<SlaLogEntry>> histories(Collection<String> ticketIds) {
    Map<String, List<SlaLogEntry>> result = new LinkedHashMap<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(ticketIds));
    for (int from = 0; from < ids.size(); from += BATCH) {
      jdbc.sql("select * from sla_event where ticket_id in (:tickets) order by ticket_id, occurred_at, id")
          .param("tickets", ids.subList(from, Math.min(ids.size(), from + BATCH)))
          .query(JdbcSlaEventLog::map)
          .list()
          .forEach(e -> result.computeIfAbsent(e.event().ticketId(), k -> new ArrayList<>()).add(e));
    }
    return result;
  }

  private static SlaLogEntry map(ResultSet rs, int row) throws SQLException {
    String clock = rs.getString("clock");
    String env = rs.getString("environment");
    var event = new SlaEvent(rs.getString("ticket_id"), clock == null ? null : SlaClockKind.valueOf(clock),
        SlaEventType.valueOf(rs.getString("type")), instant(rs, "occurred_at"), rs.getString("detail"));
    return new SlaLogEntry(event,
        Environment.parse(env).orElseThrow(() -> new IllegalStateException("unknown environment in sla_event: " + env)),
        duration(rs, "target_seconds"), duration(rs, "elapsed_seconds"));
  }

  private static Long seconds(Duration d) {
    if (d == null) return null;
    return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
  }

  private static Duration duration(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Duration.ofSeconds(value);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static String cut(String detail) {
    return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH);
  }
}
