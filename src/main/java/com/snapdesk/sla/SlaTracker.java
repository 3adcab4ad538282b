package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaProperties.Targets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of tickets: records what happens to them as events and answers where they stand.
 *
 * <p>Every change is safe to repeat, because retried jobs repeat calls: starting, pausing, resuming,
 * escalating, stopping or ending twice records nothing the second time. A ticket whose clocks were
 * never started (its environment has no targets, or it was in flight before SLA tracking) has no
 * SLA: changes do nothing and queries answer empty.
 *
 * <p>The target of a clock is fixed when it starts (stored on the STARTED row), so changing the
 * configuration does not move the goalposts of running tickets; the escalation fraction is read
 * from the configuration each time.
 */
@Service
public class SlaTracker {

  private final SlaEventLog log;
  private final SlaProperties properties;
  private final Clock clock;
  private final SlaCalendars calendars;
  private List<SlaEventListener> listeners = List.of();

  /** Each environment's calendar as configured (calendar hours unless {@code snapdesk.sla.calendars} says otherwise). */
  @Autowired
  public SlaTracker(SlaEventLog log, SlaProperties properties, Clock clock) {
    this(log, properties, clock, SlaCalendars.from(properties));
  }

  /** One calendar for every environment. */
  public SlaTracker(SlaEventLog log, SlaProperties properties, Clock clock, SlaCalendar calendar) {
    this(log, properties, clock, SlaCalendars.everywhere(calendar));
  }

  public SlaTracker(SlaEventLog log, SlaProperties properties, Clock clock, SlaCalendars calendars) {
    this.log = log;
    this.properties = properties;
    this.clock = clock;
    this.calendars = calendars;
  }

  /** Who else hears of recorded events (metrics); none by default. */
  @Autowired(required = false)
  public void setListeners(List<SlaEventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** Starts both clocks now. See {@link #start(String, Environment, Instant)}. */
  @Transactional
  public boolean start(String ticketId, Environment environment) {
    return start(ticketId, environment, clock.instant());
  }

  /**
   * Starts both clocks at {@code submittedAt} (when the customer submitted the ticket), with the
   * environment's targets. A clock already started stays as it is.
   *
   * @return whether the ticket has SLA clocks: false when its environment has no targets
   */
  @Transactional
  public boolean start(String ticketId, Environment environment, Instant submittedAt) {
    List<SlaLogEntry> history = log.history(ticketId);
    Optional<Environment> startedIn = startedEnvironment(history);
    Environment env = startedIn.orElse(environment);
    Optional<Targets> targets = properties.targetsFor(env);
    if (startedIn.isEmpty() && targets.isEmpty()) return false;
    for (SlaClockKind kind : SlaClockKind.values()) {
      if (startedRow(history, kind).isEmpty()) {
        Duration target = targets.orElseThrow(() -> noTargets(env)).of(kind);
        append(new SlaLogEntry(new SlaEvent(ticketId, kind, SlaEventType.STARTED, submittedAt, null), env,
            target, Duration.ZERO));
      }
    }
    return true;
  }

  /** Pauses every running clock (waiting on the customer or on an archive restore). */
  @Transactional
  public void pause(String ticketId, String reason) {
    Instant now = clock.instant();
    clocks(ticketId).ifPresent(t -> t.clocks.values().stream().filter(SlaClock::isRunning)
        .forEach(c -> record(t, c, SlaEventType.PAUSED, now, reason)));
  }

  /** Resumes every paused clock. */
  @Transactional
  public void resume(String ticketId) {
    Instant now = clock.instant();
    clocks(ticketId).ifPresent(t -> t.clocks.values().stream().filter(SlaClock::isPaused)
        .forEach(c -> record(t, c, SlaEventType.RESUMED, now, null)));
  }

  /** Records that the clock's escalation point was reached and leads were told; once per clock. */
  @Transactional
  public void escalated(String ticketId, SlaClockKind kind) {
    Instant now = clock.instant();
    clocks(ticketId).ifPresent(t -> Optional.ofNullable(t.clocks.get(kind))
        .filter(c -> !c.isFinished() && !c.isEscalated())
        .ifPresent(c -> record(t, c, SlaEventType.ESCALATED, now, null)));
  }

  /**
   * Stops the clock because what it measures happened: MET when no more than the target was used,
   * BREACHED otherwise. Only the first call records anything; later calls return the first outcome
   * (which is STOPPED when the ticket {@link #end ended} first).
   *
   * @return empty when the clock was never started
   */
  @Transactional
  public Optional<SlaOutcome> stop(String ticketId, SlaClockKind kind) {
    Instant now = clock.instant();
    return clocks(ticketId).flatMap(t -> Optional.ofNullable(t.clocks.get(kind)).map(c -> {
      if (c.isFinished()) return c.outcome().orElseThrow();
      SlaEventType type = c.outcomeIfStoppedAt(now);
      record(t, c, type, now, null);
      return new SlaOutcome(kind, type, now, c.elapsed(now), c.target());
    }));
  }

  /** The ticket ended (rejected, cancelled, closed without reply): STOPPED for clocks still open. */
  @Transactional
  public void end(String ticketId) {
    end(ticketId, null);
  }

  /** Like {@link #end(String)}, saying why. */
  @Transactional
  public void end(String ticketId, String reason) {
    Instant now = clock.instant();
    clocks(ticketId).ifPresent(t -> t.clocks.values().stream().filter(c -> !c.isFinished())
        .forEach(c -> record(t, c, SlaEventType.STOPPED, now, reason)));
  }

  /** Where one clock stands now; empty when it was never started. */
  @Transactional(readOnly = true)
  public Optional<SlaClockReading> deadline(String ticketId, SlaClockKind kind) {
    Instant now = clock.instant();
    return clocks(ticketId).flatMap(t -> Optional.ofNullable(t.clocks.get(kind))).map(c -> SlaClockReading.of(c, now));
  }

  /** Where both clocks stand now; empty when the ticket's clocks were never started. */
  @Transactional(readOnly = true)
  public Optional<TicketSla> status(String ticketId) {
    Instant now = clock.instant();
    return clocks(ticketId)
        .filter(t -> t.clocks.size() == SlaClockKind.values().length)
        .map(t -> new TicketSla(ticketId, t.environment,
            SlaClockReading.of(t.clocks.get(SlaClockKind.FIRST_RESPONSE), now),
            SlaClockReading.of(t.clocks.get(SlaClockKind.DELIVERY), now)));
  }

  /**
   * Where both clocks of several tickets stand now, read in one go (the dashboard's open tickets);
   * tickets whose clocks were never started are absent.
   */
  @Transactional(readOnly = true)
  public Map<String, TicketSla> statuses(Collection<String> ticketIds) {
    Instant now = clock.instant();
    Map<String, TicketSla> result = new LinkedHashMap<>();
    log.histories(ticketIds).forEach((ticketId, history) -> clocks(ticketId, history)
        .filter(t -> t.clocks.size() == SlaClockKind.values().length)
        .ifPresent(t -> result.put(ticketId, new TicketSla(ticketId, t.environment,
            SlaClockReading.of(t.clocks.get(SlaClockKind.FIRST_RESPONSE), now),
            SlaClockReading.of(t.clocks.get(SlaClockKind.DELIVERY), now)))));
    return result;
  }

  /** The fraction of a target from which a clock is at risk: where support leads are alerted. */
  public double atRiskFrom() {
    return properties.escalateAt();
  }

  private record TicketClocks(String ticketId, Environment environment, Map<SlaClockKind, SlaClock> clocks) {}

  private Optional<TicketClocks> clocks(String ticketId) {
    return clocks(ticketId, log.history(ticketId));
  }

  private Optional<TicketClocks> clocks(String ticketId, List<SlaLogEntry> history) {
    return startedEnvironment(history).map(env -> {
      List<SlaEvent> events = history.stream().map(SlaLogEntry::event).toList();
      Map<SlaClockKind, SlaClock> clocks = new EnumMap<>(SlaClockKind.class);
      for (SlaClockKind kind : SlaClockKind.values()) {
        startedRow(history, kind).ifPresent(started -> {
          Duration target = started.event().clock() == kind && started.target() != null
              ? started.target()
              : properties.targetsFor(env).orElseThrow(() -> noTargets(env)).of(kind);
          clocks.put(kind, SlaClock.replay(kind, target, properties.escalateAt(), calendars.of(env), events));
        });
      }
      return new TicketClocks(ticketId, env, clocks);
    });
  }

  private void record(TicketClocks ticket, SlaClock c, SlaEventType type, Instant at, String detail) {
    append(new SlaLogEntry(new SlaEvent(ticket.ticketId, c.kind(), type, at, detail), ticket.environment,
        c.target(), c.elapsed(at)));
  }

  private void append(SlaLogEntry entry) {
    log.append(entry);
    listeners.forEach(l -> l.recorded(entry));
  }

  private static Optional<Environment> startedEnvironment(List<SlaLogEntry> history) {
    return history.stream().filter(e -> e.event().type() == SlaEventType.STARTED).findFirst()
        .map(SlaLogEntry::environment);
  }

  private static Optional<SlaLogEntry> startedRow(List<SlaLogEntry> history, SlaClockKind kind) {
    return history.stream()
        .filter(e -> e.event().type() == SlaEventType.STARTED && e.event().appliesTo(kind))
        .findFirst();
  }

  private static IllegalStateException noTargets(Environment env) {
    return new IllegalStateException("no SLA targets configured for " + env.id()
        + " (snapdesk.sla.targets." + env.id() + ".*)");
  }
}
