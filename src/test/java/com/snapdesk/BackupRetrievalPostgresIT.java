package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.EmbeddedPostgresConfiguration;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import com.snapdesk.support.ReviewTasks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole app on a real PostgreSQL server with a real SMTP server, driven over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.local.recovery-dir=target/it-postgres/recovery",
    "snapdesk.demo.tickets=false",
    "snapdesk.jobs.due-date-check-interval=PT1S"
})
@Import(EmbeddedPostgresConfiguration.class)
@ContextConfiguration(initializers = FixedClockConfiguration.class)
// Close the context after this class, not in a JVM shutdown hook racing the embedded server's own hook.
@DirtiesContext
class BackupRetrievalPostgresIT extends HappyPathScenario {

  // Started before the Spring context, which reads its port; one server for the whole class.
  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ProcessEngine engine;

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @Override
  List<Mail> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read)
        .filter(m -> m.to().equals(address)).toList();
  }

  @Test
  void runsOneTicketOnPostgresWithSmtp() throws Exception {
    runsOneTicketFromSubmissionToRestoreInstructions();
  }

  @Test
  void jobAcquisitionReadsOnlyDueJobsThroughAnIndexOnTheirDueDate() {
    var configuration = engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job'", String.class))
        .anyMatch(definition -> definition.toLowerCase(Locale.ROOT).matches(".*\\(duedate_\\)"));
  }

  @Test
  void aJobLeftWithoutADueDateByANodeOfAnEarlierVersionStillRuns() throws Exception {
    // given a ticket waits for its requester's confirmation, its timeout timer due in days
    String ticketId = new ReviewTasks(port, json, () -> mailsTo(CONTACT)).submit("staging");
    Job timeout = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(instance(ticketId)).timers().singleResult(), Objects::nonNull);
    assertThat(timeout.getDuedate()).isAfter(ClockUtil.getCurrentTime());

    // when a node that does not set due dates had left it without one, which the acquisition no longer reads
    jdbc.update("update act_ru_job set duedate_ = null where id_ = ?", timeout.getId());

    // then it is given one and runs: the ticket closes unconfirmed
    await().atMost(Duration.ofSeconds(30))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).count() == 0);
    assertThat(jdbc.queryForObject("select status from ticket where id = ?", String.class, ticketId))
        .isEqualTo("CLOSED");
  }

  private String instance(String ticketId) {
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticketId).singleResult();
    return instance == null ? "none yet" : instance.getId();
  }
}
