package com.snapdesk.process;

import static com.snapdesk.process.RestoreDrillIds.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

import com.snapdesk.drill.DrillLog;
import com.snapdesk.drill.DrillOutcome;
import com.snapdesk.drill.RestoreDrill;
import com.snapdesk.drill.ScheduleDrills;
import com.snapdesk.project.Environment;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.SnapdeskTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path through bpmn/restore-drill.bpmn; together they pass every flow node and sequence flow
 * (process-test-coverage fails the build otherwise). Drills run against the local backend's drill folder.
 */
class RestoreDrillProcessTest extends ProcessTestSupport {

  static final Path DRILL_DIR = Path.of("target/process-test/drills");
  /** Globex is Pro, but the inventory holds no recovery point of it. */
  static final String GLOBEX = "gl0b3xst4g1ng";

  @Autowired ScheduleDrills schedule;
  @Autowired DrillLog drills;

  @Test
  void aDrillOfTheLatestPointPassesRecordsTimeToReadyAndCleansUp() {
    // given a drill of Acme staging by the default policy, latest
    ProcessInstance pi = drill(ACME, Environment.STAGING, null);
    assertThat(pi).isWaitingAt(EVENT_START_TIME_REACHED);

    // when its start time has come and its jobs run up to validation
    runUntilJobAt(pi, TASK_VALIDATE_RETRIEVED_DATA);

    // then the newest point is retrieved into the drill folder, never the customers' recovery dir
    RestoreDrill running = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(running.recoveryPointId()).isEqualTo("rp-stg-1300");
    assertThat(running.outcome()).isEqualTo(DrillOutcome.RUNNING);
    assertThat(DRILL_DIR.resolve(running.recoveryId()).resolve("SHA256SUMS")).exists();
    assertThat(RECOVERY_DIR.resolve(running.recoveryId())).doesNotExist();

    // when validation and the rest run
    runJobs(pi);

    // then it passed, with the time to ready recorded, and nothing is left behind
    assertThat(pi).hasPassedInOrder(TASK_CHOOSE_RECOVERY_POINT, TASK_RETRIEVE_INTO_DRILL_LOCATION,
        TASK_VALIDATE_RETRIEVED_DATA, TASK_RECORD_DRILL_PASSED, TASK_CLEAN_UP_DRILL, END_DRILL_PASSED).isEnded();
    RestoreDrill passed = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(passed.outcome()).isEqualTo(DrillOutcome.PASSED);
    assertThat(passed.readyAfter()).isEqualTo(Duration.ZERO);
    assertThat(DRILL_DIR.resolve(passed.recoveryId())).doesNotExist();
    assertThat(mailsFor(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aDrillOfAnArchivedPointWaitsAndMeasuresTheTimeUntilTheDataIsReady() {
    // given an operator drills a chosen archived point (the local archive tier takes 2 minutes)
    ProcessInstance pi = drill(ACME, Environment.STAGING, "rp-stg-archived");

    // when the drill runs, it waits for the archive restore and looks again every minute
    runJobs(pi);
    assertThat(pi).isWaitingAt(EVENT_WAIT_BEFORE_NEXT_CHECK);
    advanceAndRun(pi, Duration.ofMinutes(1));
    assertThat(pi).isWaitingAt(EVENT_WAIT_BEFORE_NEXT_CHECK);
    advanceAndRun(pi, Duration.ofMinutes(1));

    // then it passes with the two minutes measured
    assertThat(pi).hasPassed(GATEWAY_TO_RETRIEVAL, END_DATA_VALIDATED, END_DRILL_PASSED).isEnded();
    RestoreDrill passed = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(passed.recoveryPointId()).isEqualTo("rp-stg-archived");
    assertThat(passed.readyAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void dataThatFailsValidationFailsTheDrillCleansUpMailsTheLeadsOnceAndRaisesAnIncident() throws IOException {
    // given a production drill whose retrieved dump is damaged before validation
    ProcessInstance pi = drill(ACME, Environment.PRODUCTION, null);
    runUntilJobAt(pi, TASK_VALIDATE_RETRIEVED_DATA);
    RestoreDrill running = drills.find(pi.getBusinessKey()).orElseThrow();
    Files.writeString(DRILL_DIR.resolve(running.recoveryId()).resolve("database/main.sql.gz"), "not gzip");

    // when validation runs
    runJobs(pi);

    // then the drill failed with the reason, its data is removed, the leads are mailed and an incident waits
    assertThat(pi).hasPassedInOrder(BOUNDARY_DRILL_FAILED, TASK_RECORD_DRILL_FAILED, GATEWAY_DRILL_FAILURE,
        TASK_CLEAN_UP_FAILED_DRILL, TASK_ALERT_SUPPORT_LEADS).isWaitingAt(TASK_REPORT_DRILL_INCIDENT);
    RestoreDrill failed = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(failed.outcome()).isEqualTo(DrillOutcome.FAILED);
    assertThat(failed.reason()).contains("database/main.sql.gz has checksum");
    assertThat(DRILL_DIR.resolve(failed.recoveryId())).doesNotExist();
    List<MailMessages.Mail> mails = mailsFor(pi.getBusinessKey());
    assertThat(mails).isNotEmpty().allSatisfy(m -> {
      assertThat(m.subject()).contains("Restore drill failed");
      assertThat(m.text()).contains("rp-prod-1400", "checksum", "drillFailureAcknowledged");
    });
    assertThat(mails).extracting(MailMessages.Mail::to).doesNotHaveDuplicates()
        .doesNotContain(SnapdeskTestData.ACME_CONTACT);
    var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(TASK_REPORT_DRILL_INCIDENT);
    assertThat(incident.getIncidentMessage()).contains(pi.getBusinessKey(), "checksum");

    // when an operator acknowledges it and retries the job
    engine.getRuntimeService().setVariable(pi.getId(), DRILL_FAILURE_ACKNOWLEDGED, true);
    Job job = jobQuery().processInstanceId(pi.getId()).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    execute(job);

    // then the drill ends as failed, and nobody was mailed twice
    assertThat(pi).hasPassed(END_DRILL_FAILED).isEnded();
    assertThat(mailsFor(pi.getBusinessKey())).hasSameSizeAs(mails);
  }

  @Test
  void aPointTheBackendRefusesFailsTheDrillAndCleansUp() {
    // given the point vanishes just before the drill retrieves it
    ProcessInstance pi = drill(ACME, Environment.PRODUCTION, null);
    faults.failNext("Recovery point rp-prod-1400 no longer exists.");

    // when the drill runs
    runJobs(pi);

    // then it failed with the backend's reason and was cleaned up
    assertThat(pi).hasPassedInOrder(TASK_RETRIEVE_INTO_DRILL_LOCATION, BOUNDARY_DRILL_FAILED,
        TASK_CLEAN_UP_FAILED_DRILL).hasNotPassed(TASK_VALIDATE_RETRIEVED_DATA)
        .isWaitingAt(TASK_REPORT_DRILL_INCIDENT);
    RestoreDrill failed = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(failed.outcome()).isEqualTo(DrillOutcome.FAILED);
    assertThat(failed.reason()).isEqualTo("Recovery point rp-prod-1400 no longer exists.");
  }

  @Test
  void anEnvironmentWithoutAUsablePointFailsTheDrill() {
    // given a Pro environment that has no recovery point at all
    ProcessInstance pi = drill(GLOBEX, Environment.PRODUCTION, null);

    // when the drill runs
    runJobs(pi);

    // then it fails at the choice, saying so, and retrieves nothing
    assertThat(pi).hasPassed(BOUNDARY_DRILL_FAILED).hasNotPassed(TASK_RETRIEVE_INTO_DRILL_LOCATION);
    assertThat(drills.find(pi.getBusinessKey()).orElseThrow().reason())
        .startsWith("No completed automatic recovery point of " + GLOBEX + " production");
  }

  @Test
  void aDrillThatIsNotReadyWithinTheTimeoutIsCleanedUpAndFailsAsTimedOut() {
    // given the backend keeps failing (a technical failure, retried) for the whole drill
    ProcessInstance pi = drill(ACME, Environment.STAGING, null);
    faults.outage(1_000);
    runJobs(pi);
    assertThat(pi).isWaitingAt(TASK_RETRIEVE_INTO_DRILL_LOCATION);

    // when the drill timeout (2 h) passes
    advanceAndRun(pi, Duration.ofHours(2).plusMinutes(1));

    // then it is recorded as timed out, its data removed and the leads told
    assertThat(pi).hasPassedInOrder(BOUNDARY_DRILL_TIMED_OUT, TASK_RECORD_DRILL_TIMED_OUT, GATEWAY_DRILL_FAILURE,
        TASK_CLEAN_UP_FAILED_DRILL, TASK_ALERT_SUPPORT_LEADS).isWaitingAt(TASK_REPORT_DRILL_INCIDENT);
    RestoreDrill timedOut = drills.find(pi.getBusinessKey()).orElseThrow();
    assertThat(timedOut.outcome()).isEqualTo(DrillOutcome.TIMED_OUT);
    assertThat(timedOut.reason()).contains("PT2H");
    assertThat(DRILL_DIR.resolve(timedOut.recoveryId())).doesNotExist();
    assertThat(mailsFor(pi.getBusinessKey())).isNotEmpty()
        .allSatisfy(m -> assertThat(m.text()).contains("timed out"));
  }

  /**
   * Runs due jobs as the job executor would: a failing job loses a retry and the next one runs. Drills end in a job
   * that fails on purpose (the incident), which {@link #runJobs} would throw.
   */
  @Override
  void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 30; i++) {
      List<Job> jobs = dueJobs(pi);
      if (jobs.isEmpty()) return;
      try {
        execute(jobs.get(0));
      } catch (RuntimeException expected) {
        // retries decrease; the last one leaves an incident
      }
    }
    throw new AssertionError("drill " + pi.getBusinessKey() + " keeps creating jobs");
  }

  private static List<Job> dueJobs(ProcessInstance pi) {
    return jobQuery().processInstanceId(pi.getId()).executable().list().stream()
        .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())).toList();
  }

  private ProcessInstance drill(String project, Environment environment, String pinnedPoint) {
    RestoreDrill drill = schedule.now(project, environment, pinnedPoint);
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(drill.drillId()).singleResult();
  }

  /** Runs due jobs until the next one is the asynchronous start of {@code activityId}, which it leaves waiting. */
  private void runUntilJobAt(ProcessInstance pi, String activityId) {
    for (int i = 0; i < 30; i++) {
      List<Job> jobs = dueJobs(pi);
      if (jobs.isEmpty()) throw new AssertionError("no job due before " + activityId);
      var tree = engine.getRuntimeService().getActivityInstance(pi.getId());
      if (tree.getTransitionInstances(activityId).length > 0) return;
      Job next = jobs.get(0);
      execute(next);
    }
    throw new AssertionError("never reached " + activityId);
  }
}
