package com.snapdesk.process;

import com.snapdesk.notify.MailServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mail outages need no operator. A mail the server did not take is retried by the engine every
 * {@code snapdesk.mail.retry-interval} for {@code snapdesk.mail.retry-for} (the cycle of {@link MailRetries}) before
 * it becomes an incident; meanwhile this checks every {@code outage-check-interval} whether the server answers
 * again, and if so makes the waiting mails due at once, so they go out within seconds of its return.
 * {@code snapdesk_mails_waiting} counts them, so an outage shows while it lasts (cluster-wide: read it with max()).
 */
@Component
// With the job executor off (process tests drive jobs themselves) nobody would send them anyway.
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class MailOutageRecovery {

  private static final Logger log = LoggerFactory.getLogger(MailOutageRecovery.class);

  private final ManagementService jobs;
  private final MailServer mailServer;
  private final AtomicInteger waiting = new AtomicInteger();

  MailOutageRecovery(ManagementService jobs, MailServer mailServer, MeterRegistry registry) {
    this.jobs = jobs;
    this.mailServer = mailServer;
    Gauge.builder("snapdesk.mails.waiting", waiting, AtomicInteger::get)
        .description("Emails the mail server did not take yet, waiting for their next try").register(registry);
  }

  @Scheduled(fixedDelayString = "${snapdesk.mail.outage-check-interval:PT5S}",
      initialDelayString = "${snapdesk.mail.outage-check-interval:PT5S}")
  void sendWaitingMailsOnceTheServerAnswers() {
    List<Job> waitingMails = waitingMails();
    waiting.set(waitingMails.size());
    Date now = ClockUtil.getCurrentTime();
    List<Job> notYetDue = waitingMails.stream().filter(j -> j.getDuedate() != null && j.getDuedate().after(now)).toList();
    if (notYetDue.isEmpty() || !mailServer.reachable()) return;
    log.info("The mail server answers again: sending {} waiting mails now", notYetDue.size());
    for (Job job : notYetDue) {
      try {
        jobs.setJobDuedate(job.getId(), now);
      } catch (RuntimeException goneMeanwhile) {
        // ran or was changed concurrently (another node, the job executor): nothing to do
      }
    }
  }

  private List<Job> waitingMails() {
    return jobs.createJobQuery().processDefinitionKey(BpmnIds.PROCESS).withException().withRetriesLeft().list()
        .stream().filter(job -> BpmnIds.MAIL_TASKS.contains(job.getFailedActivityId())).toList();
  }
}
