package com.snapdesk.process.persistence;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A harness, not a test: how long a restarted node takes to release its job locks when many jobs wait (each open
 * ticket holds timers), {@link JobLocks#releaseAllOf} against the earlier way (every job loaded as an entity and the
 * node's own unlocked, in one engine command), alternately in one run on in-memory H2. Measured on the 2-core
 * development machine with 20,000 jobs and 12 held: 4.3 ms against 212 ms. Run after test-compile:
 * <pre>
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     com.snapdesk.process.persistence.JobLocksBenchmark [jobs=20000] [held=12]
 * </pre>
 */
public final class JobLocksBenchmark {

  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int held = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:job-locks-benchmark;DB_CLOSE_DELAY=-1").setProcessEngineName("job-locks-benchmark")
        .buildProcessEngine();
    try {
      var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      var jdbc = new JdbcTemplate(configuration.getDataSource());
      engine.getRepositoryService().createDeployment().addModelInstance("one-job.bpmn",
          Bpmn.createExecutableProcess("OneJob").camundaHistoryTimeToLive(1)
              .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").userTask().done())
          .deploy();
      for (int i = 0; i < jobs; i++) engine.getRuntimeService().startProcessInstanceByKey("OneJob");
      System.out.printf("%,d jobs waiting, %d of them held by the restarted node; best of 5 each:%n", jobs, held);
      long oneUpdate = Long.MAX_VALUE;
      long everyJob = Long.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        lock(jdbc, held);
        long t = System.nanoTime();
        int released = JobLocks.releaseAllOf("desk-a", configuration);
        oneUpdate = Math.min(oneUpdate, System.nanoTime() - t);
        check(released, held);

        lock(jdbc, held);
        t = System.nanoTime();
        released = loadingEveryJob(engine, configuration);
        everyJob = Math.min(everyJob, System.nanoTime() - t);
        check(released, held);
      }
      System.out.printf("  one update (shipped)       %8.1f ms%n", oneUpdate / 1e6);
      System.out.printf("  every job loaded (before)  %8.1f ms%n", everyJob / 1e6);
    } finally {
      engine.close();
    }
  }

  private static void lock(JdbcTemplate jdbc, int held) {
    List<String> ids = jdbc.queryForList("select ID_ from ACT_RU_JOB order by ID_ fetch first " + held + " rows only",
        String.class);
    for (String id : ids) {
      jdbc.update("update ACT_RU_JOB set LOCK_OWNER_ = 'desk-a', LOCK_EXP_TIME_ = current_timestamp where ID_ = ?", id);
    }
  }

  private static int loadingEveryJob(ProcessEngine engine, ProcessEngineConfigurationImpl configuration) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      int count = 0;
      for (Job job : engine.getManagementService().createJobQuery().list()) {
        JobEntity entity = (JobEntity) job;
        if ("desk-a".equals(entity.getLockOwner())) {
          entity.setLockOwner(null);
          entity.setLockExpirationTime(null);
          count++;
        }
      }
      return count;
    });
  }

  private static void check(int released, int held) {
    if (released != held) throw new IllegalStateException("released " + released + ", expected " + held);
  }
}
