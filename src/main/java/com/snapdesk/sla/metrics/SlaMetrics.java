package com.snapdesk.sla.metrics;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaDashboard;
import com.snapdesk.sla.SlaDashboard.OpenTicketRow;
import com.snapdesk.sla.SlaEventListener;
import com.snapdesk.sla.SlaEventType;
import com.snapdesk.sla.SlaLogEntry;
import com.snapdesk.sla.SlaProperties;
import com.snapdesk.sla.SlaRisk;
import com.snapdesk.sla.TicketStatusLookup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Snapdesk's SLA in Micrometer (scraped at {@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code snapdesk.tickets.open{status}}: open tickets by customer-visible status;</li>
 *   <li>{@code snapdesk.tickets.open.sla{state}}: tickets with a running SLA clock by state
 *       ({@code on_track}, {@code at_risk}, {@code breached}), as the dashboard classifies them;</li>
 *   <li>{@code snapdesk.sla.time.to.first.response} and {@code snapdesk.sla.time.to.delivery}
 *       {@code {environment, outcome}}: SLA time used when the clock stopped (paused and, with business
 *       hours, closed time excluded);</li>
 *   <li>{@code snapdesk.sla.breaches} and {@code snapdesk.sla.escalations} {@code {clock, environment}}.</li>
 * </ul>
 * Gauges read one snapshot, taken at most every {@link #SNAPSHOT_TTL_NANOS} ns, so a scrape costs one
 * dashboard computation, not one per gauge. Timers and counters move when the recording transaction
 * commits: a retried job does not count twice.
 */
@Component
class SlaMetrics implements SlaEventListener, MeterBinder {

  private static final Logger log = LoggerFactory.getLogger(SlaMetrics.class);
  static final long SNAPSHOT_TTL_NANOS = 10_000_000_000L;
  private static final List<String> OUTCOMES = List.of("met", "breached");

  /** Lazily: the dashboard needs the tracker, which tells this listener about events. */
  private final ObjectProvider<SlaDashboard> dashboard;
  private final TicketStatusLookup statuses;
  private final SlaProperties properties;

  private volatile MeterRegistry registry;
  private Snapshot snapshot;
  private long snapshotAt;

  SlaMetrics(ObjectProvider<SlaDashboard> dashboard, TicketStatusLookup statuses, SlaProperties properties) {
    this.dashboard = dashboard;
    this.statuses = statuses;
    this.properties = properties;
  }

  private record Snapshot(Map<String, Long> byStatus, Map<SlaRisk, Long> byRisk) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (String status : statuses.openStatuses()) {
      gauge(registry, "snapdesk.tickets.open", "Open tickets by status", "status", tag(status),
          s -> s.byStatus().getOrDefault(status, 0L));
    }
    for (SlaRisk risk : SlaRisk.values()) {
      gauge(registry, "snapdesk.tickets.open.sla", "Tickets with a running SLA clock by state", "state",
          tag(risk.name()), s -> s.byRisk().getOrDefault(risk, 0L));
    }
    // Registered up front, so the series exist (at zero) before the first ticket finishes.
    for (Environment env : Environment.values()) {
      if (properties.targetsFor(env).isEmpty()) continue;
      for (SlaClockKind clock : SlaClockKind.values()) {
        OUTCOMES.forEach(outcome -> timer(registry, clock, env, outcome));
        breaches(registry, clock, env);
        escalations(registry, clock, env);
      }
    }
  }

  @Override
  public void recorded(SlaLogEntry entry) {
    SlaEventType type = entry.event().type();
    SlaClockKind clock = entry.event().clock();
    if (clock == null || !(type == SlaEventType.MET || type == SlaEventType.BREACHED
        || type == SlaEventType.ESCALATED)) {
      return;
    }
    afterCommit(() -> {
      MeterRegistry r = registry;
      if (r == null) return;
      Environment env = entry.environment();
      switch (type) {
        case MET, BREACHED -> {
          timer(r, clock, env, tag(type.name())).record(entry.elapsed());
          if (type == SlaEventType.BREACHED) breaches(r, clock, env).increment();
        }
        case ESCALATED -> escalations(r, clock, env).increment();
        default -> { }
      }
    });
  }

  private static void afterCommit(Runnable action) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          action.run();
        }
      });
    } else {
      action.run();
    }
  }

  private synchronized Snapshot snapshot() {
    long now = System.nanoTime();
    if (snapshot == null || now - snapshotAt > SNAPSHOT_TTL_NANOS) {
      try {
        Map<SlaRisk, Long> byRisk = new EnumMap<>(SlaRisk.class);
        Arrays.stream(SlaRisk.values()).forEach(r -> byRisk.put(r, 0L));
        for (OpenTicketRow row : dashboard.getObject().openTickets()) byRisk.merge(row.risk(), 1L, Long::sum);
        snapshot = new Snapshot(statuses.openByStatus(), byRisk);
        snapshotAt = now;
      } catch (RuntimeException e) {
        // A scrape must not fail because the database hiccups: keep the last figures, or none.
        log.warn("SLA gauges not refreshed: {}", e.toString());
        if (snapshot == null) return new Snapshot(Map.of(), Map.of());
      }
    }
    return snapshot;
  }

  private void gauge(MeterRegistry registry, String name, String description, String tagKey, String tagValue,
                     ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot()))
        .description(description).tag(tagKey, tagValue).register(registry);
  }

  private static Timer timer(MeterRegistry registry, SlaClockKind clock, Environment env, String outcome) {
    String name = clock == SlaClockKind.FIRST_RESPONSE ? "snapdesk.sla.time.to.first.response"
        : "snapdesk.sla.time.to.delivery";
    return Timer.builder(name)
        .description("SLA time used until the " + tag(clock.name()).replace('_', ' ') + " (pauses excluded)")
        .tag("environment", env.id()).tag("outcome", outcome)
        .register(registry);
  }

  private static Counter breaches(MeterRegistry registry, SlaClockKind clock, Environment env) {
    return Counter.builder("snapdesk.sla.breaches").description("SLA clocks stopped after their target")
        .tag("clock", tag(clock.name())).tag("environment", env.id()).register(registry);
  }

  private static Counter escalations(MeterRegistry registry, SlaClockKind clock, Environment env) {
    return Counter.builder("snapdesk.sla.escalations").description("SLA escalations to support leads")
        .tag("clock", tag(clock.name())).tag("environment", env.id()).register(registry);
  }

  private static String tag(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
