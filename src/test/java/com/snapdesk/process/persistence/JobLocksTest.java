package com.snapdesk.process.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The restart release on a real engine schema: only the restarted node's locks go, each as a versioned update. */
class JobLocksTest {

  static ProcessEngine engine;
  static ProcessEngineConfigurationImpl configuration;
  static JdbcTemplate jdbc;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:job-locks;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("job-locks")
        .buildProcessEngine(); // its job executor is not started: the jobs stay as the test locks them
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    jdbc = new JdbcTemplate(configuration.getDataSource());
    engine.getRepositoryService().createDeployment().addModelInstance("one-job.bpmn",
        Bpmn.createExecutableProcess("OneJob").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").userTask().endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aRestartedNodeReleasesTheJobsItHeldAndNoOtherNodes() {
    // given three jobs: two locked by desk-a before it was killed, one by desk-b that is running it now
    String[] jobs = new String[3];
    for (int i = 0; i < 3; i++) {
      String instance = engine.getRuntimeService().startProcessInstanceByKey("OneJob").getId();
      jobs[i] = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
    }
    lock(jobs[0], "desk-a");
    lock(jobs[1], "desk-a");
    lock(jobs[2], "desk-b");
    int revision = ((Number) job(jobs[0]).get("REV_")).intValue();

    // when desk-a starts again
    int released = JobLocks.releaseAllOf("desk-a", configuration);

    // then its two jobs are free to acquire at once, each with a new revision; desk-b's lock stays
    assertThat(released).isEqualTo(2);
    for (String id : new String[] {jobs[0], jobs[1]}) {
      assertThat(job(id)).containsEntry("LOCK_OWNER_", null).containsEntry("LOCK_EXP_TIME_", null)
          .containsEntry("REV_", revision + 1);
    }
    assertThat(job(jobs[2]).get("LOCK_OWNER_")).isEqualTo("desk-b");
    assertThat(job(jobs[2]).get("LOCK_EXP_TIME_")).isNotNull();

    // and the engine runs a released job as any other (its revision agrees), and a second start releases nothing
    engine.getManagementService().executeJob(jobs[0]);
    assertThat(engine.getManagementService().createJobQuery().jobId(jobs[0]).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(1);
    assertThat(JobLocks.releaseAllOf("desk-a", configuration)).isZero();
  }

  private static void lock(String jobId, String owner) {
    jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = dateadd('MINUTE', 1, current_timestamp)"
        + " where ID_ = ?", owner, jobId);
  }

  private static Map<String, Object> job(String jobId) {
    return jdbc.queryForMap("select LOCK_OWNER_, LOCK_EXP_TIME_, REV_ from ACT_RU_JOB where ID_ = ?", jobId);
  }
}
