package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.snapdesk.process.BpmnIds;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.AppNode;
import com.snapdesk.support.FixedClockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The SMTP server is down when a customer writes in, and comes back later: the mail waits (counted, health DOWN),
 * keeps its retries, and goes out within seconds of the server's return, with no incident and no operator. The
 * engine clock stands still here, so only the return of the server can have sent it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:mail-outage;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=500",
    "snapdesk.local.recovery-dir=target/it-mail-outage/recovery",
    "snapdesk.demo.tickets=false",
    "snapdesk.mail.outage-check-interval=1s"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
class MailOutageIT {

  static final int SMTP_PORT = AppNode.freePort();
  static GreenMail smtp;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @AfterAll
  static void stopServer() {
    if (smtp != null) smtp.stop();
  }

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired MeterRegistry metrics;

  @Test
  void mailsWaitForTheServerAndGoOutWithinSecondsOfItsReturn() throws Exception {
    // given no SMTP server listening, when a customer submits a request
    String ticketId = submitTicket();

    // then the verification request waits for the server: counted, retries left, health says mail is DOWN
    await().atMost(Duration.ofSeconds(30)).until(() -> metrics.get("snapdesk.mails.waiting").gauge().value() == 1);
    var job = management.createJobQuery().activityId(BpmnIds.TASK_SEND_VERIFICATION_REQUEST).singleResult();
    assertThat(job.getRetries()).as("retries left for a day of one-minute tries").isGreaterThan(1000);
    assertThat(RestClient.create("http://localhost:" + port).get().uri("/actuator/health").retrieve()
        .onStatus(s -> true, (req, res) -> {}).body(String.class)).contains("\"mail\":{\"status\":\"DOWN\"");

    // when the server is back
    smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    long back = System.nanoTime();

    // then the mail goes out within seconds, although its next try was a minute away on a clock that stands still
    await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length == 1);
    System.out.printf("Mail outage: the waiting mail went out %.1f s after the server was back%n",
        (System.nanoTime() - back) / 1e9);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).contains(ticketId);
    await().atMost(Duration.ofSeconds(10)).until(() -> metrics.get("snapdesk.mails.waiting").gauge().value() == 0);
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private String submitTicket() {
    var body = SnapdeskTestData.request().environment("staging").fields();
    Map<?, ?> answer = RestClient.create("http://localhost:" + port).post().uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    return (String) answer.get("ticketId");
  }
}
