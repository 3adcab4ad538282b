package com.snapdesk.process.persistence;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job executor's locks on Camunda's job table, for a node that starts again after a crash (JobExecutorNode). */
public final class JobLocks {

  private JobLocks() {}

  /**
   * Releases every job {@code owner} holds: one update, not a load of every job (each waiting ticket's timers among
   * them). It raises each job's revision as the engine's own update of a job would, so a stale copy fails to save.
   *
   * @return how many jobs were released
   */
  public static int releaseAllOf(String owner, ProcessEngineConfigurationImpl configuration) {
    return new JdbcTemplate(configuration.getDataSource()).update("update " + configuration.getDatabaseTablePrefix()
        + "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null, REV_ = REV_ + 1 where LOCK_OWNER_ = ?", owner);
  }
}
