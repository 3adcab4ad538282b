package com.snapdesk.ticket.persistence;

import com.snapdesk.sla.TicketStatusLookup;
import com.snapdesk.ticket.TicketStatus;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ticket statuses for the SLA dashboard and gauges: batched lookups and one grouped count. */
@Repository
class JdbcTicketStatusLookup implements TicketStatusLookup {

  private static final int BATCH = 500;
  private static final List<String> OPEN = Arrays.stream(TicketStatus.values()).filter(s -> !s.isFinal())
      .map(Enum::name).toList();

  private final JdbcClient jdbc;

  JdbcTicketStatusLookup(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, String> statusOf(Collection<String> ticketIds) {
    Map<String, String> result = new LinkedHashMap<>();
    List<String> ids = List.copyOf(new LinkedHashSet<>(ticketIds));
    for (int from = 0; from < ids.size(); from += BATCH) {
      jdbc.sql("select id, status from ticket where id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
          .query((rs, n) -> result.put(rs.getString("id"), rs.getString("status")))
          .list();
    }
    return result;
  }

  @Override
  public List<String> openStatuses() {
    return OPEN;
  }

  @Override
  public Map<String, Long> openByStatus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    OPEN.forEach(s -> counts.put(s, 0L));
    jdbc.sql("select status, count(*) as n from ticket where status in (:open) group by status")
        .param("open", OPEN)
        .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
        .list();
    return counts;
  }
}
