package com.snapdesk.estimate.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.estimate.RetrievalKind;
import com.snapdesk.project.Environment;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.SlaDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The samples query on H2 with the tables exactly as the migrations create them; {@link
 * JdbcRetrievalHistoryPostgresIT} runs the same tests on PostgreSQL.
 */
class JdbcRetrievalHistoryTest {

  static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  static final Instant SINCE = NOW.minus(Duration.ofDays(90));

  private SlaDatabase db;
  private JdbcClient jdbc;
  private JdbcRetrievalHistory history;

  @BeforeEach
  void database() {
    jdbc = open();
    history = new JdbcRetrievalHistory(jdbc);
  }

  /** A database with the ticket, SLA and drill tables, empty. */
  JdbcClient open() {
    db = SlaDatabase.withTicketsAndDrills();
    return db.jdbc();
  }

  @AfterEach
  void shutDown() {
    if (db != null) db.close();
  }

  @Test
  void measuresTicketsFromFirstRetrievingToReadyByEnvironmentAndScope() {
    // given a production database ticket retrieving twice (a waiting reason) before READY after 40 min
    ticket("SD-1", "PRODUCTION", "DATABASE", NOW.minus(Duration.ofDays(1)), 40);
    // and a production full ticket, a staging database ticket, and one still retrieving
    ticket("SD-2", "PRODUCTION", "FULL", NOW.minus(Duration.ofDays(1)), 10);
    ticket("SD-3", "STAGING", "DATABASE", NOW.minus(Duration.ofDays(1)), 20);
    insertTicket("SD-4", "PRODUCTION", "DATABASE");
    event("SD-4", "RETRIEVING", NOW.minus(Duration.ofHours(1)));

    var samples = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.DATABASE, false), SINCE);

    assertThat(samples).containsExactly(Duration.ofMinutes(40));
  }

  @Test
  void leavesOutRetrievalsReadyBeforeTheWindow() {
    ticket("SD-1", "PRODUCTION", "DATABASE", SINCE.minus(Duration.ofHours(1)), 40);
    ticket("SD-2", "PRODUCTION", "DATABASE", SINCE.plus(Duration.ofHours(1)), 50);

    var samples = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.DATABASE, false), SINCE);

    assertThat(samples).containsExactly(Duration.ofMinutes(50));
  }

  @Test
  void keepsArchiveRestoresApart() {
    // given a standard retrieval and one whose clocks paused for an archive restore
    ticket("SD-1", "PRODUCTION", "FULL", NOW.minus(Duration.ofDays(2)), 30);
    ticket("SD-2", "PRODUCTION", "FULL", NOW.minus(Duration.ofDays(2)), 20 * 60);
    slaEvent("SD-2", "PAUSED", "ARCHIVE_RESTORE", NOW.minus(Duration.ofDays(3)));
    // and a ticket that only waited on its customer
    ticket("SD-3", "PRODUCTION", "FULL", NOW.minus(Duration.ofDays(2)), 35);
    slaEvent("SD-3", "PAUSED", "waiting for the customer", NOW.minus(Duration.ofDays(3)));

    var standard = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, false), SINCE);
    var archived = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, true), SINCE);

    assertThat(standard).containsExactlyInAnyOrder(Duration.ofMinutes(30), Duration.ofMinutes(35));
    assertThat(archived).containsExactly(Duration.ofHours(20));
  }

  @Test
  void countsPassedDrillsForFullStandardRetrievalsOfTheirEnvironment() {
    drill("d1", "PRODUCTION", "PASSED", 1500L, NOW.minus(Duration.ofDays(5)));
    drill("d2", "PRODUCTION", "FAILED", null, NOW.minus(Duration.ofDays(5)));
    drill("d3", "STAGING", "PASSED", 600L, NOW.minus(Duration.ofDays(5)));
    drill("d4", "PRODUCTION", "PASSED", 900L, SINCE.minus(Duration.ofDays(1)));

    var full = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, false), SINCE);
    var database = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.DATABASE, false), SINCE);
    var archived = history.readyAfter(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, true), SINCE);

    assertThat(full).containsExactly(Duration.ofSeconds(1500));
    assertThat(database).isEmpty();
    assertThat(archived).isEmpty();
  }

  private void ticket(String id, String env, String scope, Instant readyAt, long retrievalMinutes) {
    insertTicket(id, env, scope);
    Instant started = readyAt.minus(Duration.ofMinutes(retrievalMinutes));
    event(id, "REVIEWED", started.minus(Duration.ofMinutes(5)));
    event(id, "RETRIEVING", started);
    event(id, "RETRIEVING", started.plus(Duration.ofSeconds(1)));
    event(id, "READY", readyAt);
  }

  private void insertTicket(String id, String env, String scope) {
    var at = NOW.minus(Duration.ofDays(100)).atOffset(ZoneOffset.UTC);
    jdbc.sql("""
            insert into ticket (id, customer_email, customer_name, project_id, environment, scope, policy,
              requested_date, requested_time, timezone, utc_offset, requested_instant, earlier_offset_assumed,
              ambiguous_local_time, reason, status, created_at, updated_at)
            values (:id, 'ops@acme.example', 'Olga', 'p', :env, :scope, 'NEAREST', date '2026-11-01', '01:30',
              'UTC', '+00:00', :at, false, false, 'test', 'READY', :at, :at)""")
        .param("id", id).param("env", env).param("scope", scope).param("at", at).update();
  }

  private void event(String ticketId, String type, Instant at) {
    jdbc.sql("insert into ticket_event (ticket_id, occurred_at, type, actor) values (:id, :at, :type, 'system')")
        .param("id", ticketId).param("at", at.atOffset(ZoneOffset.UTC)).param("type", type).update();
  }

  private void slaEvent(String ticketId, String type, String detail, Instant at) {
    jdbc.sql("""
            insert into sla_event (ticket_id, clock, type, occurred_at, environment, detail)
            values (:id, 'DELIVERY', :type, :at, 'PRODUCTION', :detail)""")
        .param("id", ticketId).param("type", type).param("at", at.atOffset(ZoneOffset.UTC))
        .param("detail", detail).update();
  }

  private void drill(String id, String env, String outcome, Long readyAfterSeconds, Instant finishedAt) {
    jdbc.sql("""
            insert into restore_drill (drill_id, project_id, environment, start_at, policy, outcome,
              ready_after_seconds, finished_at)
            values (:id, 'p', :env, :at, 'LATEST', :outcome, :ready, :at)""")
        .param("id", id).param("env", env).param("at", finishedAt.atOffset(ZoneOffset.UTC))
        .param("outcome", outcome).param("ready", readyAfterSeconds).update();
  }
}
