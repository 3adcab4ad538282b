package com.snapdesk.retention.persistence;

import com.snapdesk.retention.RetainedData;
import com.snapdesk.retention.RetentionStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cleanup's SQL over Snapdesk's tables (Flyway V1–V6, indexes for it in V9). Batches delete by primary key, as
 * "delete … limit" is not portable between H2 and PostgreSQL.
 */
@Repository
class JdbcRetentionStore implements RetentionStore {

  /** Replaces a ticket id in {@code sla_event}: 5 + 15 characters, within the column's 20. */
  static final String ANONYMOUS_PREFIX = "anon-";
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcRetentionStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public int deleteIdempotencyKeysCreatedBefore(Instant before, int limit) {
    return deleteOldest("idempotency_key", "key_hash", "created_at", before, limit);
  }

  @Override
  public List<String> endedTicketsBefore(Collection<String> ended, Instant before, int limit) {
    return jdbc.sql("select id from ticket where status in (:ended) and updated_at < :before"
            + " order by updated_at fetch first :limit rows only")
        .param("ended", ended).param("before", odt(before)).param("limit", limit)
        .query(String.class).list();
  }

  @Override
  public Map<RetainedData, Integer> purgeTickets(Collection<String> ticketIds, Collection<String> ended) {
    return tx.execute(status -> {
      // Locked and re-checked in the transaction: only a ticket that is still ended goes.
      List<String> ids = jdbc.sql("select id from ticket where id in (:ids) and status in (:ended) for update")
          .param("ids", ticketIds).param("ended", ended).query(String.class).list();
      Map<RetainedData, Integer> rows = new EnumMap<>(RetainedData.class);
      if (ids.isEmpty()) return rows;
      rows.put(RetainedData.ACCESS_TOKENS, deleteOf("ticket_access_token", ids));
      rows.put(RetainedData.IDEMPOTENCY_KEYS, deleteOf("idempotency_key", ids));
      rows.put(RetainedData.TICKET_MESSAGES, deleteOf("ticket_message", ids));
      rows.put(RetainedData.TICKET_EVENTS, deleteOf("ticket_event", ids));
      int anonymised = 0;
      for (String id : ids) {
        // One pseudonym per ticket keeps its rows together (a clock's start and end) without naming the ticket,
        // whose id the customer has in every mail. The detail is free text; the figures stay as they are.
        anonymised += jdbc.sql("update sla_event set ticket_id = :anon, detail = null where ticket_id = :id")
            .param("anon", pseudonym()).param("id", id).update();
      }
      rows.put(RetainedData.SLA_EVENTS, anonymised);
      rows.put(RetainedData.TICKETS, jdbc.sql("delete from ticket where id in (:ids)").param("ids", ids).update());
      return rows;
    });
  }

  @Override
  public int deleteSentMailBefore(Instant before, int limit) {
    return deleteOldest("sent_mail", "dedup_key", "sent_at", before, limit);
  }

  /** The oldest {@code limit} rows older than {@code before}, by primary key, in one transaction. */
  private int deleteOldest(String table, String key, String time, Instant before, int limit) {
    return tx.execute(status -> {
      List<String> keys = jdbc.sql("select " + key + " from " + table + " where " + time + " < :before"
              + " order by " + time + " fetch first :limit rows only")
          .param("before", odt(before)).param("limit", limit).query(String.class).list();
      if (keys.isEmpty()) return 0;
      return jdbc.sql("delete from " + table + " where " + key + " in (:keys)").param("keys", keys).update();
    });
  }

  private int deleteOf(String table, List<String> ticketIds) {
    return jdbc.sql("delete from " + table + " where ticket_id in (:ids)").param("ids", ticketIds).update();
  }

  private static String pseudonym() {
    var id = new StringBuilder(ANONYMOUS_PREFIX);
    for (int i = 0; i < 15; i++) id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    return id.toString();
  }

  private static OffsetDateTime odt(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
