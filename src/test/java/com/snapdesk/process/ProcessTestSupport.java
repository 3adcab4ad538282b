package com.snapdesk.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.local.LocalRecoveryRetrieval;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.SubmittedTicket;
import com.snapdesk.ticket.intake.TicketRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole app on in-memory H2 with the job executor off: tests drive every job themselves, on a
 * fixed clock shared by the app and the engine, against the fixed inventory in test resources.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:processtest;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "snapdesk.local.inventory=src/test/resources/inventory/process-test.json",
    "snapdesk.local.recovery-dir=target/process-test/recovery",
    "snapdesk.local.drill-dir=target/process-test/drills",
    "snapdesk.mail.outbox-dir=target/process-test/outbox",
    "snapdesk.demo.tickets=false"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
@Import({ProcessTestSupport.Faults.class, ProcessEngineCoverageConfiguration.class,
    ProcessTestSupport.FullCoverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
abstract class ProcessTestSupport {

  static final Instant NOW = FixedClockConfiguration.NOW;
  static final Path OUTBOX = Path.of("target/process-test/outbox");
  static final Path RECOVERY_DIR = Path.of("target/process-test/recovery");
  static final String ACME = SnapdeskTestData.ACME;
  static final String ACME_CONTACT = SnapdeskTestData.ACME_CONTACT;

  @Autowired ProcessEngine engine;
  @Autowired SubmitTicket intake;
  @Autowired FaultyRetrieval faults;
  @Autowired TakeCustomerAction customerActions;

  @BeforeEach
  void initEngine() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(NOW));
    faults.failNext(null);
    faults.outage(0);
  }

  /** Moves the engine's (and so Snapdesk's) clock; due timers then run with {@link #runJobs}. */
  void advance(java.time.Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  /** 07:20 in New York on 25 November is 12:20 UTC: 20 min after rp-prod-1200, 1 h 40 min before rp-prod-1400. */
  static TicketRequest request(String email, String project, String environment) {
    return new TicketRequest(email, "Olga Ops", project, environment, "2026-11-25", "07:20", "America/New_York",
        null, "full", null, "Bad import at 07:25 <script>alert(1)</script>");
  }

  private static final Pattern STATUS_LINK_TOKEN = Pattern.compile("/tickets/[A-Z0-9-]+\\?token=([A-Za-z0-9_-]{43})");

  ProcessInstance submit(TicketRequest request) {
    SubmittedTicket ticket = intake.submit(request, null);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ticket.ticketId()).singleResult();
  }

  /** Submitted, asked to confirm, and confirmed by the requester with the link from the email: waiting for review. */
  ProcessInstance submitAndConfirm(TicketRequest request) {
    ProcessInstance pi = submit(request);
    runJobs(pi);
    customerActions.verify(pi.getBusinessKey(), token(pi));
    runJobs(pi);
    return pi;
  }

  /** The customer's secret token, as the requester has it: from the status link in an email we sent them. */
  String token(ProcessInstance pi) {
    for (MailMessages.Mail mail : mailsFor(pi.getBusinessKey())) {
      Matcher m = STATUS_LINK_TOKEN.matcher(mail.text());
      if (m.find()) return m.group(1);
    }
    throw new AssertionError("no email with a status link for " + pi.getBusinessKey());
  }

  /**
   * Completes the instance's open task as a demo user would in Tasklist or over engine REST: logged in,
   * with their groups, so authorization and the decision listeners see who it was.
   */
  void completeAs(String userId, ProcessInstance pi, Map<String, Object> variables) {
    var identity = engine.getIdentityService();
    var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).active().singleResult();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(userId, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @AfterEach
  void logOut() {
    engine.getIdentityService().clearAuthentication();
  }

  /** Runs the due jobs of this instance (async steps, fired timers) until it waits for a person, a timer or ends. */
  void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 30; i++) {
      List<Job> jobs = jobQuery().processInstanceId(pi.getId()).executable().list().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())).toList();
      if (jobs.isEmpty()) return;
      execute(jobs.get(0));
    }
    throw new AssertionError("process " + pi.getBusinessKey() + " keeps creating jobs");
  }

  /** Moves the clock on and runs whatever became due. */
  void advanceAndRun(ProcessInstance pi, java.time.Duration duration) {
    advance(duration);
    runJobs(pi);
  }

  static List<MailMessages.Mail> mailsFor(String ticketId) {
    return MailMessages.outbox(OUTBOX).stream().filter(m -> m.subject().contains(ticketId)).toList();
  }

  /** Wraps the real local retrieval so a test can make the chosen point vanish before retrieval. */
  static class FaultyRetrieval implements RecoveryRetrieval {
    private final RecoveryRetrieval real;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger();

    FaultyRetrieval(RecoveryRetrieval real) {
      this.real = real;
    }

    void failNext(String reason) {
      failure.set(reason);
    }

    /** The backend is down for the next {@code calls} calls: a technical failure, not a business one. */
    void outage(int calls) {
      outages.set(calls);
    }

    @Override
    public RetrievalProgress retrieve(RetrievalRequest request) {
      String reason = failure.getAndSet(null);
      if (reason != null) throw new RecoveryPointUnavailableException(reason);
      if (outages.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("backend unreachable");
      return real.retrieve(request);
    }

    @Override
    public void cleanup(String recoveryId) {
      real.cleanup(recoveryId);
    }
  }

  /** The build fails unless the process tests together pass every flow node and sequence flow. */
  @TestConfiguration(proxyBeanMethods = false)
  static class FullCoverage {
    @Bean
    @Primary // the coverage configuration brings a lenient default of its own
    ProcessEngineCoverageProperties fullProcessCoverage() {
      return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0).build();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Faults {
    @Bean
    @Primary
    FaultyRetrieval faultyRetrieval(LocalRecoveryRetrieval local) {
      return new FaultyRetrieval(local);
    }
  }
}
