package com.snapdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SLA clock of one ticket, replayed from its events: pure computation, no I/O.
 *
 * <p>The clock runs from STARTED; PAUSED and RESUMED cut spans out of it; MET, BREACHED or STOPPED
 * finish it. Events that do not fit the clock's state at that moment are ignored, so a repeated
 * call (a retried job pausing twice, resuming a clock that is not paused, stopping a finished
 * clock) changes nothing. Events for the other clock are ignored; events with no clock apply.
 *
 * <p>Questions are asked "as of now": the caller passes the instant, so the answers never depend on
 * the machine's clock.
 */
public final class SlaClock {

  private final SlaClockKind kind;
  private final Duration target;
  private final Duration escalation;
  private final SlaCalendar calendar;
  private final Instant startedAt;
  /** Spans the clock ran and that have ended (at a pause or when it finished), in order. */
  private final List<Span> closedSpans;
  private final Duration closedElapsed;
  private final Instant runningSince;
  private final Instant pausedSince;
  private final SlaEventType outcome;
  private final Instant finishedAt;
  private final Instant escalatedAt;

  private record Span(Instant from, Instant to) {}

  private SlaClock(Replay r, SlaClockKind kind, Duration target, Duration escalation, SlaCalendar calendar) {
    this.kind = kind;
    this.target = target;
    this.escalation = escalation;
    this.calendar = calendar;
    this.startedAt = r.startedAt;
    this.closedSpans = List.copyOf(r.spans);
    this.closedElapsed = closedSpans.stream().map(s -> calendar.between(s.from, s.to)).reduce(Duration.ZERO, Duration::plus);
    this.runningSince = r.runningSince;
    this.pausedSince = r.pausedSince;
    this.outcome = r.outcome;
    this.finishedAt = r.finishedAt;
    this.escalatedAt = r.escalatedAt;
  }

  /**
   * Replays the events of one ticket.
   *
   * @param target the SLA time allowed (positive)
   * @param escalateAt the fraction of the target at which to escalate, {@code 0 < escalateAt < 1}
   * @param events the ticket's events in the order they happened (a stable sort by time is applied)
   * @throws IllegalArgumentException when no event starts this clock
   */
  public static SlaClock replay(SlaClockKind kind, Duration target, double escalateAt, SlaCalendar calendar,
                                List<SlaEvent> events) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(calendar, "calendar");
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("SLA target must be positive: " + target);
    }
    if (!(escalateAt > 0 && escalateAt < 1)) {
      throw new IllegalArgumentException("escalateAt must be a fraction between 0 and 1: " + escalateAt);
    }
    Replay replay = new Replay();
    events.stream()
        .filter(e -> e.appliesTo(kind))
        .sorted(Comparator.comparing(SlaEvent::at))
        .forEach(replay::apply);
    if (replay.startedAt == null) {
      throw new IllegalArgumentException("the " + kind + " clock was never started");
    }
    Duration escalation = Duration.ofNanos(Math.round(target.toNanos() * escalateAt));
    return new SlaClock(replay, kind, target, escalation, calendar);
  }

  private static final class Replay {
    Instant startedAt;
    final List<Span> spans = new ArrayList<>();
    Instant runningSince;
    Instant pausedSince;
    SlaEventType outcome;
    Instant finishedAt;
    Instant escalatedAt;

    void apply(SlaEvent e) {
      boolean open = startedAt != null && outcome == null;
      switch (e.type()) {
        case STARTED -> {
          if (startedAt == null) {
            startedAt = e.at();
            runningSince = e.at();
          }
        }
        case PAUSED -> {
          if (open && runningSince != null) {
            spans.add(new Span(runningSince, e.at()));
            runningSince = null;
            pausedSince = e.at();
          }
        }
        case RESUMED -> {
          if (open && pausedSince != null) {
            pausedSince = null;
            runningSince = e.at();
          }
        }
        case ESCALATED -> {
          if (open && escalatedAt == null) escalatedAt = e.at();
        }
        case MET, BREACHED, STOPPED -> {
          if (open) {
            if (runningSince != null) spans.add(new Span(runningSince, e.at()));
            runningSince = null;
            pausedSince = null;
            outcome = e.type();
            finishedAt = e.at();
          }
        }
      }
    }
  }

  public SlaClockKind kind() {
    return kind;
  }

  public Duration target() {
    return target;
  }

  /** The SLA time after which to escalate: the escalation fraction of the target. */
  public Duration escalation() {
    return escalation;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** Whether MET, BREACHED or STOPPED was recorded. */
  public boolean isFinished() {
    return outcome != null;
  }

  public boolean isRunning() {
    return runningSince != null;
  }

  public boolean isPaused() {
    return pausedSince != null;
  }

  public Optional<Instant> pausedSince() {
    return Optional.ofNullable(pausedSince);
  }

  public boolean isEscalated() {
    return escalatedAt != null;
  }

  /** How the clock finished; empty while it runs or is paused. */
  public Optional<SlaOutcome> outcome() {
    return outcome == null
        ? Optional.empty()
        : Optional.of(new SlaOutcome(kind, outcome, finishedAt, closedElapsed, target));
  }

  /** SLA time used up to {@code now}, paused spans excluded; frozen once the clock is finished. */
  public Duration elapsed(Instant now) {
    return runningSince == null ? closedElapsed : closedElapsed.plus(calendar.between(runningSince, now));
  }

  /** SLA time left before the target; negative once it is exceeded. */
  public Duration remaining(Instant now) {
    return target.minus(elapsed(now));
  }

  /** Used SLA time as a fraction of the target: 0.5 at half-time, above 1 once breached. */
  public double usedFraction(Instant now) {
    return (double) elapsed(now).toNanos() / target.toNanos();
  }

  /**
   * When the target is reached if the clock keeps running from now: while running, the due date;
   * when paused, as if it resumed now; when the target was already reached, the instant it was.
   * For a finished clock that had not reached it, the due date as it stood when the clock stopped.
   */
  public Instant dueAt(Instant now) {
    return reachedAt(target, now);
  }

  /** Like {@link #dueAt(Instant)}, for the escalation point. */
  public Instant escalateAt(Instant now) {
    return reachedAt(escalation, now);
  }

  /** The outcome stopping the clock at {@code at} would have: MET up to and including the target. */
  public SlaEventType outcomeIfStoppedAt(Instant at) {
    return elapsed(at).compareTo(target) <= 0 ? SlaEventType.MET : SlaEventType.BREACHED;
  }

  /**
   * The recorded outcome once finished; otherwise BREACHED as soon as more than the target is used
   * (running or paused), else RUNNING or PAUSED.
   */
  public SlaClockState state(Instant now) {
    if (outcome != null) {
      return switch (outcome) {
        case MET -> SlaClockState.MET;
        case BREACHED -> SlaClockState.BREACHED;
        default -> SlaClockState.STOPPED;
      };
    }
    if (elapsed(now).compareTo(target) > 0) return SlaClockState.BREACHED;
    return pausedSince != null ? SlaClockState.PAUSED : SlaClockState.RUNNING;
  }

  private Instant reachedAt(Duration slaTime, Instant now) {
    Duration before = Duration.ZERO;
    for (Span span : closedSpans) {
      Duration length = calendar.between(span.from, span.to);
      if (before.plus(length).compareTo(slaTime) >= 0) return calendar.plus(span.from, slaTime.minus(before));
      before = before.plus(length);
    }
    Instant from;
    if (runningSince != null) {
      from = runningSince;
    } else if (pausedSince != null) {
      from = now.isAfter(pausedSince) ? now : pausedSince;
    } else {
      from = finishedAt;
    }
    return calendar.plus(from, slaTime.minus(before));
  }

  @Override
  public String toString() {
    return kind + " clock (target " + target + ", " + (isFinished() ? outcome : isPaused() ? "paused" : "running")
        + ")";
  }
}
