package com.snapdesk.demo;

import com.snapdesk.identity.Groups;
import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaEventLog;
import com.snapdesk.sla.SlaProperties;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.SubmittedTicket;
import com.snapdesk.ticket.intake.TicketRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A living SLA dashboard for the demo (profile {@code demo}, {@code snapdesk.demo.tickets=true}): five
 * weeks of finished tickets, and open tickets on track, at risk and breached that run in the real process.
 *
 * <p>Open tickets go through the real intake, backdated ({@link SubmitTicket#submitReceivedAt}), so their
 * SLA clocks, due dates and escalation timers are the process's own; the demo then claims and decides
 * some reviews as the demo agents would. Finished tickets are imported as ended, their SLA history
 * recorded by an {@link SlaTracker} on a scripted clock, so the figures follow the same rules as live
 * ones. Every ticket has a fixed idempotency key: a restart (or a second node) finds them and adds nothing.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "snapdesk.demo.tickets", havingValue = "true")
class DemoTickets {

  private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  static final int HISTORY = 48;
  private static final Duration TASK_WAIT = Duration.ofSeconds(60);

  record Customer(String email, String name, String project) {}

  static final Customer ACME = new Customer("ops@acme.example", "Olga Ops", "mx7k2p4qzt3rw");
  static final Customer GLOBEX = new Customer("it@globex.example", "Gus Globex", "q4h8c2vbn6d1s");

  /** What a demo agent does with an open ticket once its review task exists. */
  enum Action { NONE, CLAIM, APPROVE, ASK }

  /**
   * An open ticket: received {@code age} ago. With production's 1 h first-response target, 20 min is
   * on track, 50 min at risk and 2 h 10 min breached; staging's 4 h target scales the same way.
   */
  record OpenTicket(String key, Customer customer, Environment environment, Duration age, Action action,
                    String agent, String reason) {}

  static final List<OpenTicket> OPEN = List.of(
      new OpenTicket("demo-open-01-breached-prod", ACME, Environment.PRODUCTION, Duration.ofMinutes(130),
          Action.NONE, null, "Catalog prices overwritten by a bad import"),
      new OpenTicket("demo-open-02-breached-stg", GLOBEX, Environment.STAGING, Duration.ofHours(5),
          Action.CLAIM, "bob", "Staging media folder deleted by a deploy script"),
      new OpenTicket("demo-open-03-atrisk-prod", GLOBEX, Environment.PRODUCTION, Duration.ofMinutes(50),
          Action.CLAIM, "alice", "Orders missing after a failed extension upgrade"),
      new OpenTicket("demo-open-04-atrisk-stg", ACME, Environment.STAGING, Duration.ofMinutes(200),
          Action.NONE, null, "Need the staging database before yesterday's test run"),
      new OpenTicket("demo-open-05-ontrack-prod", ACME, Environment.PRODUCTION, Duration.ofMinutes(20),
          Action.NONE, null, "Customer accounts merged by mistake"),
      new OpenTicket("demo-open-06-ontrack-stg", GLOBEX, Environment.STAGING, Duration.ofMinutes(30),
          Action.CLAIM, "bob", "Compare configuration with last week's"),
      new OpenTicket("demo-open-07-lead-prod", ACME, Environment.PRODUCTION, Duration.ofMinutes(390),
          Action.APPROVE, "alice", "CMS pages lost during a theme migration"),
      new OpenTicket("demo-open-08-question-prod", GLOBEX, Environment.PRODUCTION, Duration.ofMinutes(40),
          Action.ASK, "alice", "Restore the product images, but which store view?"));

  private final SubmitTicket intake;
  private final SlaEventLog slaLog;
  private final SlaProperties slaProperties;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  DemoTickets(SubmitTicket intake, SlaEventLog slaLog, SlaProperties slaProperties, TaskService tasks,
              IdentityService identity, Clock clock) {
    this.intake = intake;
    this.slaLog = slaLog;
    this.slaProperties = slaProperties;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2) // after the groups (0) and the demo users (1)
  void seed() {
    Instant now = clock.instant();
    int history = seedHistory(now);
    List<String> started = new ArrayList<>();
    List<OpenTicket> toWorkOn = new ArrayList<>();
    Map<String, String> keys = new HashMap<>();
    for (OpenTicket t : OPEN) {
      Instant received = now.minus(t.age());
      SubmittedTicket ticket;
      try {
        ticket = intake.submitReceivedAt(request(t.customer(), t.environment(), received, t.reason()), t.key(),
            received);
      } catch (IdempotencyConflictException e) {
        continue; // seeded at an earlier start, for other times: it stays as it is
      }
      if (!ticket.replayed()) {
        started.add(ticket.ticketId());
        if (t.action() != Action.NONE) toWorkOn.add(t);
      }
      keys.put(t.key(), ticket.ticketId());
    }
    if (history > 0 || !started.isEmpty()) {
      log.info("Demo tickets: {} finished tickets over the last weeks, {} open ones {}", history, started.size(),
          started);
    }
    // The review tasks appear once the job executor ran the first jobs, and it starts only after this
    // start-up event: the demo agents wait for them on a thread of their own.
    if (!toWorkOn.isEmpty()) {
      Thread agents = new Thread(() -> toWorkOn.forEach(t -> workOn(t, keys.get(t.key()))), "demo-agents");
      agents.setDaemon(true);
      agents.start();
    }
  }

  /** Finished tickets over the last five weeks, about one in six breaching a target. */
  private int seedHistory(Instant now) {
    Random random = new Random(20261126L); // the same history on every machine
    ScriptedClock scripted = new ScriptedClock();
    SlaTracker tracker = new SlaTracker(slaLog, slaProperties, scripted);
    int created = 0;
    for (int i = 0; i < HISTORY; i++) {
      Environment env = i % 3 == 2 ? Environment.STAGING : Environment.PRODUCTION;
      Customer customer = i % 2 == 0 ? ACME : GLOBEX;
      Instant received = now.minus(Duration.ofHours(14 + i * 17L + random.nextInt(6)));
      boolean staging = env == Environment.STAGING;
      boolean slowAnswer = random.nextInt(6) == 0;
      boolean slowDelivery = random.nextInt(7) == 0;
      Duration firstResponse = Duration.ofMinutes(slowAnswer ? (staging ? 250 : 65) + random.nextInt(60)
          : 6 + random.nextInt(staging ? 170 : 48));
      boolean rejected = i % 11 == 5;
      boolean cancelled = i % 13 == 7;
      boolean asked = !rejected && !cancelled && i % 4 == 1;
      Duration question = Duration.ofMinutes(90 + random.nextInt(600));
      Duration delivery = Duration.ofMinutes(slowDelivery ? (staging ? 1450 : 490) + random.nextInt(300)
          : firstResponse.toMinutes() + 60 + random.nextInt(staging ? 900 : 300));
      Instant answered = received.plus(firstResponse);
      Instant delivered = received.plus(delivery).plus(asked ? question : Duration.ZERO);
      Instant ended = rejected ? answered : cancelled ? answered.plus(Duration.ofMinutes(45)) : delivered;
      TicketStatus outcome = rejected ? TicketStatus.REJECTED : cancelled ? TicketStatus.CANCELLED
          : TicketStatus.CLOSED;
      if (ended.isAfter(now)) continue;

      SubmittedTicket ticket;
      try {
        ticket = intake.importEnded(request(customer, env, received, "Earlier request #" + (i + 1) + " (demo history)"),
            "demo-history-%03d-snapdesk".formatted(i), received, outcome, ended);
      } catch (IdempotencyConflictException e) {
        continue; // seeded at an earlier start: the same key, times relative to that start
      }
      if (ticket.replayed()) continue;
      String id = ticket.ticketId();
      tracker.start(id, env, received);
      Duration target = slaProperties.targetsFor(env).orElseThrow().of(SlaClockKind.FIRST_RESPONSE);
      Instant escalation = received.plus(Duration.ofSeconds((long) (target.getSeconds() * slaProperties.escalateAt())));
      if (escalation.isBefore(answered)) {
        scripted.now = escalation;
        tracker.escalated(id, SlaClockKind.FIRST_RESPONSE);
      }
      scripted.now = answered;
      tracker.stop(id, SlaClockKind.FIRST_RESPONSE);
      if (rejected || cancelled) {
        scripted.now = ended;
        tracker.end(id, rejected ? "rejected" : "cancelled by the customer");
        created++;
        continue;
      }
      if (asked) {
        tracker.pause(id, "AWAITING_CUSTOMER");
        scripted.now = answered.plus(question);
        tracker.resume(id);
      }
      scripted.now = delivered;
      tracker.stop(id, SlaClockKind.DELIVERY);
      created++;
    }
    return created;
  }

  private void workOn(OpenTicket t, String ticketId) {
    // An agent's completion can meet a job of the same ticket (an escalation timer, a mail) and lose the
    // optimistic lock; a person would simply click again.
    for (int attempt = 1; ; attempt++) {
      try {
        decide(t, ticketId);
        return;
      } catch (OptimisticLockingException e) {
        if (attempt == 5) {
          log.warn("Demo agent {} could not work on {}: {}", t.agent(), ticketId, e.toString());
          return;
        }
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      } catch (RuntimeException e) {
        log.warn("Demo agent {} could not work on {}: {}", t.agent(), ticketId, e.toString());
        return;
      }
    }
  }

  private void decide(OpenTicket t, String ticketId) {
    Task review = awaitReview(ticketId);
    if (review == null) {
      log.warn("Demo ticket {} has no review task after {}; left as it is", ticketId, TASK_WAIT);
      return;
    }
    tasks.claim(review.getId(), t.agent());
    if (t.action() == Action.CLAIM) return;
    identity.setAuthentication(t.agent(), List.of(Groups.SUPPORT_AGENTS));
    try {
      tasks.complete(review.getId(), t.action() == Action.APPROVE
          ? Map.of("decision", "approve", "decisionNote", "Point matches the customer's change log")
          : Map.of("decision", "ask-customer", "decisionNote", "Which store view lost its images?"));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The review task appears once the eligibility, resolution and acknowledgement jobs ran. */
  private Task awaitReview(String ticketId) {
    Instant deadline = Instant.now().plus(TASK_WAIT);
    while (Instant.now().isBefore(deadline)) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(ticketId).taskDefinitionKey("Task_ReviewRequest")
          .singleResult();
      if (task != null) return task;
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /** A request for a moment a day before it was received, as a New York customer types it. */
  private static TicketRequest request(Customer c, Environment env, Instant received, String reason) {
    ZonedDateTime requested = received.minus(Duration.ofHours(26)).atZone(NEW_YORK);
    return new TicketRequest(c.email(), c.name(), c.project(), env.id(), DATE.format(requested),
        TIME.format(requested), NEW_YORK.getId(), null, "database", null, reason);
  }

  /** The clock the demo history is recorded on. */
  private static final class ScriptedClock extends Clock {
    Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
