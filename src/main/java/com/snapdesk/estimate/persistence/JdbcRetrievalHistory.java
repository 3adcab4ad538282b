package com.snapdesk.estimate.persistence;

import com.snapdesk.estimate.RetrievalHistory;
import com.snapdesk.estimate.RetrievalKind;
import com.snapdesk.recovery.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Samples from the ticket timeline ({@code ticket_event}: first RETRIEVING to first READY; a ticket counts as
 * archived when its SLA clocks paused for ARCHIVE_RESTORE) and from passed restore drills. Durations are worked
 * out in Java, so the SQL is the same on H2 and PostgreSQL.
 */
@Repository
class JdbcRetrievalHistory implements RetrievalHistory {

  private static final String TICKETS = """
      select started_at, ready_at from (
        select
          (select min(e.occurred_at) from ticket_event e where e.ticket_id = t.id and e.type = 'RETRIEVING')
            as started_at,
          (select min(e.occurred_at) from ticket_event e where e.ticket_id = t.id and e.type = 'READY') as ready_at
        from ticket t
        where t.environment = :env and t.scope = :scope
          and %s exists (select 1 from sla_event s
                         where s.ticket_id = t.id and s.type = 'PAUSED' and s.detail = 'ARCHIVE_RESTORE')
      ) retrieval
      where ready_at >= :since and started_at is not null and started_at <= ready_at
      """;

  private static final String DRILLS = """
      select ready_after_seconds from restore_drill
      where outcome = 'PASSED' and environment = :env and finished_at >= :since and ready_after_seconds is not null
      """;

  private final JdbcClient jdbc;

  JdbcRetrievalHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Duration> readyAfter(RetrievalKind kind, Instant since) {
    OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
    List<Duration> samples = new ArrayList<>(jdbc.sql(TICKETS.formatted(kind.archived() ? "" : "not"))
        .param("env", kind.environment().name())
        .param("scope", kind.scope().name())
        .param("since", from)
        .query((rs, n) -> Duration.between(instant(rs, "started_at"), instant(rs, "ready_at")))
        .list());
    // Drills retrieve whole, recent points: they say nothing about a database-only or an archive retrieval.
    if (kind.scope() == Scope.FULL && !kind.archived()) {
      samples.addAll(jdbc.sql(DRILLS)
          .param("env", kind.environment().name())
          .param("since", from)
          .query((rs, n) -> Duration.ofSeconds(rs.getLong(1)))
          .list());
    }
    return samples;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }
}
