package com.snapdesk.process.persistence;

import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Job acquisition reads only the jobs that are due, through an index on their due date. Every waiting ticket holds
 * timer jobs (confirmation, reply, SLA), and Camunda's default acquisition query ({@code DUEDATE_ is null or
 * DUEDATE_ <= now}) reads all of them on every poll of every node, a cost that grows with the open tickets. With
 * {@code ensure-job-due-date-not-null} and {@code job-executor-acquire-by-due-date} (application.yml) every job has a
 * due date and the query is a range on this index, oldest first.
 *
 * <p>A job without a due date would then never be acquired. Jobs created before this setting, and jobs that nodes of
 * an earlier version create during a rolling upgrade, have none: they are given one when a node starts and every
 * {@code snapdesk.jobs.due-date-check-interval} (1 minute).
 */
@Configuration(proxyBeanMethods = false)
class DueJobAcquisition {

  private static final Logger log = LoggerFactory.getLogger(DueJobAcquisition.class);
  static final String INDEX = "SNAPDESK_IDX_JOB_DUEDATE";

  @Bean
  AbstractProcessEnginePlugin dueDateIndex() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        var jdbc = new JdbcTemplate(configuration.getDataSource());
        // after the engine's own schema creation or update; nodes on PostgreSQL start one at a time (cluster.StartupLock)
        jdbc.execute("create index if not exists " + INDEX + " on " + configuration.getDatabaseTablePrefix()
            + "ACT_RU_JOB (DUEDATE_)");
        giveDueDates(jdbc, configuration.getDatabaseTablePrefix());
      }
    };
  }

  @Bean
  @ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
  JobsWithoutDueDate jobsWithoutDueDate(DataSource dataSource, ProcessEngine engine) {
    return new JobsWithoutDueDate(new JdbcTemplate(dataSource),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseTablePrefix());
  }

  static final class JobsWithoutDueDate {
    private final JdbcTemplate jdbc;
    private final String prefix;

    JobsWithoutDueDate(JdbcTemplate jdbc, String prefix) {
      this.jdbc = jdbc;
      this.prefix = prefix;
    }

    @Scheduled(fixedDelayString = "${snapdesk.jobs.due-date-check-interval:PT1M}",
        initialDelayString = "${snapdesk.jobs.due-date-check-interval:PT1M}")
    void giveDueDates() {
      DueJobAcquisition.giveDueDates(jdbc, prefix);
    }
  }

  /** Due now; a plain column update, so a job an earlier node is running meanwhile keeps its revision. */
  static int giveDueDates(JdbcTemplate jdbc, String prefix) {
    int updated = jdbc.update("update " + prefix + "ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null",
        new Timestamp(ClockUtil.getCurrentTime().getTime()));
    if (updated > 0) log.info("Gave {} jobs without a due date one, so that they are acquired", updated);
    return updated;
  }
}
