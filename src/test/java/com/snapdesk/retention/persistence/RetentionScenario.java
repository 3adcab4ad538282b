package com.snapdesk.retention.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.retention.CleanupWindow;
import com.snapdesk.retention.DataRetentionProperties;
import com.snapdesk.retention.PurgeExpiredData;
import com.snapdesk.retention.PurgeReport;
import com.snapdesk.retention.PurgeReport.Outcome;
import com.snapdesk.retention.RetainedData;
import com.snapdesk.retention.RetentionStore;
import com.snapdesk.retention.RunLock;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaEvent;
import com.snapdesk.sla.SlaEventType;
import com.snapdesk.sla.SlaHistory;
import com.snapdesk.sla.SlaLogEntry;
import com.snapdesk.sla.persistence.JdbcSlaEventLog;
import com.snapdesk.sla.persistence.JdbcSlaHistory;
import com.snapdesk.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The nightly cleanup on a database migrated by Flyway as the app's is: rows of every kind, the clock moved past
 * each retention, and what must stay (open tickets, recent ones, the SLA figures) checked to be untouched. Run on
 * H2 ({@link JdbcRetentionStoreTest}) and PostgreSQL ({@link RetentionPostgresIT}).
 */
abstract class RetentionScenario {

  /** When the old tickets ended: a Friday morning in May. */
  static final Instant ENDED = Instant.parse("2026-05-01T10:00:00Z");
  /** 02:00 UTC, inside the 01:00–05:00 window. */
  static final Instant NIGHT_AFTER_A_DAY = Instant.parse("2026-05-03T02:00:00Z");
  static final Instant NIGHT_AFTER_HALF_A_YEAR = Instant.parse("2026-10-30T02:00:00Z");

  final MutableClock clock = new MutableClock(ENDED);
  DataSource dataSource;
  JdbcClient sql;
  RetentionStore store;

  abstract DataSource freshDatabase();

  @BeforeEach
  void migrateAndFill() {
    dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    sql = JdbcClient.create(dataSource);
    store = new JdbcRetentionStore(sql, new DataSourceTransactionManager(dataSource));

    // given a ticket that ended in May, one that has waited on its customer since May, and one that ended in August
    ticket("SD-CLOSEDOLD", "CLOSED", ENDED);
    ticket("SD-WAITINGOLD", "AWAITING_CUSTOMER", ENDED);
    ticket("SD-REJECTNEW", "REJECTED", Instant.parse("2026-08-09T10:00:00Z"));
    // and SLA figures for the old ones
    var sla = new JdbcSlaEventLog(sql);
    for (String id : List.of("SD-CLOSEDOLD", "SD-WAITINGOLD")) {
      sla.append(new SlaLogEntry(new SlaEvent(id, SlaClockKind.FIRST_RESPONSE, SlaEventType.STARTED,
          ENDED.minus(Duration.ofHours(3)), null), Environment.PRODUCTION, Duration.ofHours(1), Duration.ZERO));
      sla.append(new SlaLogEntry(new SlaEvent(id, SlaClockKind.FIRST_RESPONSE, SlaEventType.MET,
          ENDED.minus(Duration.ofHours(2)), "answered Olga Ops <ops@acme.example>"), Environment.PRODUCTION,
          Duration.ofHours(1), Duration.ofMinutes(40)));
    }
  }

  PurgeExpiredData purge(RunLock lock) {
    return purge(store, lock);
  }

  PurgeExpiredData purge(RetentionStore store, RunLock lock) {
    return new PurgeExpiredData(store, lock, DataRetentionProperties.defaults().rules(),
        CleanupWindow.parse("01:00", "05:00", ZoneOffset.UTC), 2, clock);
  }

  @Test
  void removesIdempotencyKeysAfterADayAndEndedTicketsAfterHalfAYear() {
    var job = purge(new DatabaseRunLock(dataSource));
    var history = new JdbcSlaHistory(sql);
    var figuresBefore = history.outcomes(ENDED.minus(Duration.ofDays(1)), ENDED, null);

    // when the job runs the first night: only the May tickets' idempotency keys, over a day old, go
    clock.set(NIGHT_AFTER_A_DAY);
    PurgeReport first = job.runIfDue();
    assertThat(first.outcome()).isEqualTo(Outcome.RAN);
    assertThat(first.rows(RetainedData.IDEMPOTENCY_KEYS)).isEqualTo(2);
    assertThat(first.total()).isEqualTo(2);
    assertThat(sql.sql("select key_hash from idempotency_key").query(String.class).list())
        .containsExactly("key-SD-REJECTNEW");
    assertThat(count("ticket")).isEqualTo(3);

    // when a key is used again now, and the clock moves past 180 days after the old ticket ended
    idempotencyKey("recent-key", "SD-REJECTNEW", NIGHT_AFTER_HALF_A_YEAR.minus(Duration.ofHours(1)));
    sentMail("recent-mail", NIGHT_AFTER_HALF_A_YEAR.minus(Duration.ofDays(1)));
    clock.set(NIGHT_AFTER_HALF_A_YEAR);
    PurgeReport second = job.runIfDue();

    // then the ended ticket is gone with its conversation, timeline and access tokens, and mail records over 180 days
    assertThat(second.rows(RetainedData.TICKETS)).isEqualTo(1);
    assertThat(second.rows(RetainedData.TICKET_MESSAGES)).isEqualTo(2);
    assertThat(second.rows(RetainedData.TICKET_EVENTS)).isEqualTo(3);
    assertThat(second.rows(RetainedData.ACCESS_TOKENS)).isEqualTo(1);
    assertThat(second.rows(RetainedData.SENT_MAIL)).isEqualTo(2);
    assertThat(second.rows(RetainedData.SLA_EVENTS)).isEqualTo(2);
    assertThat(second.finished()).isTrue();
    assertThat(sql.sql("select id from ticket order by id").query(String.class).list())
        .as("the open ticket, however old, and the recently ended one stay")
        .containsExactly("SD-REJECTNEW", "SD-WAITINGOLD");
    for (String table : List.of("ticket_message", "ticket_event", "ticket_access_token")) {
      assertThat(sql.sql("select distinct ticket_id from " + table + " order by ticket_id").query(String.class).list())
          .as(table).containsExactly("SD-REJECTNEW", "SD-WAITINGOLD");
    }
    assertThat(sql.sql("select key_hash from idempotency_key").query(String.class).list()).containsExactly("recent-key");
    assertThat(sql.sql("select dedup_key from sent_mail").query(String.class).list())
        .containsExactlyInAnyOrder("mail-SD-REJECTNEW", "recent-mail");
    assertThat(text("select customer_name from ticket where id = 'SD-WAITINGOLD'")).isEqualTo("Customer SD-WAITINGOLD");

    // and the SLA figures are still there, with nothing left that points to the customer
    assertThat(count("sla_event")).isEqualTo(4);
    assertThat(sql.sql("select count(*) from sla_event where ticket_id = 'SD-CLOSEDOLD'").query(Long.class).single())
        .isZero();
    var anonymous = sql.sql("select ticket_id, type, detail, elapsed_seconds, target_seconds, environment from sla_event"
        + " where ticket_id like 'anon-%' order by occurred_at").query().listOfRows();
    assertThat(anonymous).hasSize(2);
    assertThat(anonymous).extracting(r -> r.get("ticket_id")).as("one pseudonym per ticket").containsOnly(
        anonymous.get(0).get("ticket_id"));
    assertThat(anonymous).allSatisfy(r -> assertThat(r.get("detail")).isNull());
    assertThat(anonymous.get(1).get("elapsed_seconds")).isEqualTo(2400L);
    assertThat(anonymous.get(1).get("target_seconds")).isEqualTo(3600L);
    assertThat(anonymous.get(1).get("environment")).isEqualTo("PRODUCTION");
    assertThat(text("select detail from sla_event where ticket_id = 'SD-WAITINGOLD' and type = 'MET'"))
        .as("the open ticket's SLA events are untouched").contains("Olga");
    assertThat(history.outcomes(ENDED.minus(Duration.ofDays(1)), ENDED, null))
        .as("the dashboard's figures for May").isEqualTo(figuresBefore);
    assertThat(figuresBefore.get(SlaClockKind.FIRST_RESPONSE).met()).isEqualTo(2);
  }

  @Test
  void doesNothingOutsideTheWindow() {
    // given everything long past its retention, at noon
    clock.set(NIGHT_AFTER_HALF_A_YEAR.plus(Duration.ofHours(10)));
    // when the job runs, then nothing is touched
    PurgeReport report = purge(new DatabaseRunLock(dataSource)).runIfDue();
    assertThat(report.outcome()).isEqualTo(Outcome.OUTSIDE_WINDOW);
    assertThat(count("ticket")).isEqualTo(3);
    assertThat(count("idempotency_key")).isEqualTo(3);
    assertThat(count("sent_mail")).isEqualTo(3);
    assertThat(sql.sql("select count(*) from sla_event where ticket_id like 'anon-%'").query(Long.class).single())
        .isZero();
  }

  @Test
  void twoThreadsAtOnceOneRuns() throws Exception {
    var lock = new DatabaseRunLock(dataSource);
    assertOneOfTwoRuns(lock, lock);
  }

  /** Runs the job with {@code first} and, while it is inside, with {@code second}; the second must stand back. */
  void assertOneOfTwoRuns(RunLock first, RunLock second) throws Exception {
    clock.set(NIGHT_AFTER_HALF_A_YEAR);
    var inside = new CountDownLatch(1);
    var goOn = new CountDownLatch(1);
    RetentionStore slow = new HoldingStore(store, inside, goOn);
    CompletableFuture<PurgeReport> running = CompletableFuture.supplyAsync(() -> purge(slow, first).runIfDue());
    assertThat(inside.await(30, TimeUnit.SECONDS)).as("the first run started").isTrue();

    PurgeReport meanwhile = CompletableFuture.supplyAsync(() -> purge(second).runIfDue()).get(30, TimeUnit.SECONDS);
    goOn.countDown();
    PurgeReport ran = running.get(30, TimeUnit.SECONDS);

    assertThat(meanwhile.outcome()).isEqualTo(Outcome.ANOTHER_NODE_RUNS);
    assertThat(meanwhile.total()).isZero();
    assertThat(ran.outcome()).isEqualTo(Outcome.RAN);
    assertThat(ran.rows(RetainedData.TICKETS)).isEqualTo(1);
    // and once it is done, the next round may run again
    assertThat(purge(second).runIfDue().outcome()).isEqualTo(Outcome.RAN);
  }

  long count(String table) {
    return sql.sql("select count(*) from " + table).query(Long.class).single();
  }

  String text(String query) {
    return sql.sql(query).query(String.class).single();
  }

  void ticket(String id, String status, Instant endedAt) {
    Instant created = endedAt.minus(Duration.ofDays(2));
    sql.sql("""
            insert into ticket (id, customer_email, customer_name, project_id, environment, scope, policy,
              requested_date, requested_time, timezone, utc_offset, requested_instant, earlier_offset_assumed,
              ambiguous_local_time, reason, status, created_at, updated_at)
            values (:id, 'ops@acme.example', :name, 'mx7k2p4qzt3rw', 'PRODUCTION', 'DATABASE', 'NEAREST',
              date '2026-04-20', '14:30', 'America/New_York', '-04:00', :created, false, false,
              'Orders lost in a bad import', :status, :created, :ended)""")
        .param("id", id).param("name", "Customer " + id).param("status", status)
        .param("created", created.atOffset(ZoneOffset.UTC)).param("ended", endedAt.atOffset(ZoneOffset.UTC))
        .update();
    sql.sql("insert into ticket_access_token (token_hash, ticket_id, issued_for, issued_at) values (:h, :id, 'api', :at)")
        .param("h", "hash-" + id).param("id", id).param("at", created.atOffset(ZoneOffset.UTC)).update();
    for (String type : List.of("SUBMITTED", "QUESTION_ASKED", "STATUS")) {
      sql.sql("insert into ticket_event (ticket_id, occurred_at, type, actor, detail) values (:id, :at, :type, 'alice', 'x')")
          .param("id", id).param("at", created.atOffset(ZoneOffset.UTC)).param("type", type).update();
    }
    for (String author : List.of("AGENT", "CUSTOMER")) {
      sql.sql("insert into ticket_message (ticket_id, sent_at, author_type, author, text)"
              + " values (:id, :at, :type, 'Olga Ops', 'Which table?')")
          .param("id", id).param("at", created.atOffset(ZoneOffset.UTC)).param("type", author).update();
    }
    idempotencyKey("key-" + id, id, created);
    sentMail("mail-" + id, created);
  }

  void idempotencyKey(String key, String ticketId, Instant at) {
    sql.sql("insert into idempotency_key (key_hash, request_hash, ticket_id, sealed_token, created_at)"
            + " values (:k, 'r', :t, 's', :at)")
        .param("k", key).param("t", ticketId).param("at", at.atOffset(ZoneOffset.UTC)).update();
  }

  void sentMail(String key, Instant at) {
    sql.sql("insert into sent_mail (dedup_key, kind, recipient, sent_at) values (:k, 'ACKNOWLEDGEMENT', 'ops@acme.example', :at)")
        .param("k", key).param("at", at.atOffset(ZoneOffset.UTC)).update();
  }

  /** The real store, stopping inside its first call until the test lets it go on. */
  record HoldingStore(RetentionStore store, CountDownLatch inside, CountDownLatch goOn) implements RetentionStore {
    @Override
    public int deleteIdempotencyKeysCreatedBefore(Instant before, int limit) {
      inside.countDown();
      try {
        goOn.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return store.deleteIdempotencyKeysCreatedBefore(before, limit);
    }

    @Override
    public List<String> endedTicketsBefore(Collection<String> ended, Instant before, int limit) {
      return store.endedTicketsBefore(ended, before, limit);
    }

    @Override
    public Map<RetainedData, Integer> purgeTickets(Collection<String> ticketIds, Collection<String> ended) {
      return store.purgeTickets(ticketIds, ended);
    }

    @Override
    public int deleteSentMailBefore(Instant before, int limit) {
      return store.deleteSentMailBefore(before, limit);
    }
  }
}
