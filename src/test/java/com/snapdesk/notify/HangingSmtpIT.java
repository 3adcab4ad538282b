package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.snapdesk.process.BpmnIds;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * An SMTP server that accepts the connection and never says a word: the mail job gives up within the
 * configured read timeout, frees its job-executor thread, is retried by the engine, and the mail goes out once
 * a real server answers on that port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:hanging-smtp;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=500",
    "snapdesk.local.recovery-dir=target/it-hanging-smtp/recovery",
    "snapdesk.demo.tickets=false",
    "snapdesk.mail.connect-timeout=1s",
    "snapdesk.mail.read-timeout=2s",
    "snapdesk.mail.write-timeout=2s"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
class HangingSmtpIT {

  static final SilentServer silent = SilentServer.start();
  static GreenMail smtp;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", silent::port);
  }

  @AfterAll
  static void stopServers() throws IOException {
    silent.close();
    if (smtp != null) smtp.stop();
  }

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  @Test
  void aSilentSmtpServerFailsTheMailJobWithinTheTimeoutAndTheRetryDeliversItLater() throws Exception {
    // given an SMTP server that accepts connections and never answers
    // when a customer submits a request, and eligibility and resolution have run
    String ticketId = submitTicket();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(this::verificationRequestJob, job -> job != null);
    long jobCreated = System.nanoTime();

    // then the verification-request job fails within the read timeout instead of hanging, and is scheduled again
    Job failed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(this::verificationRequestJob, job -> job != null && job.getExceptionMessage() != null);
    double seconds = (System.nanoTime() - jobCreated) / 1e9;
    System.out.printf("Hanging SMTP: verification-request job failed %.1f s after it was created%n", seconds);
    assertThat(silent.connections()).isNotEmpty();
    assertThat(failed.getExceptionMessage()).contains(ticketId);
    assertThat(management.getJobExceptionStacktrace(failed.getId())).containsIgnoringCase("timed out");
    assertThat(failed.getRetries()).as("retries left after one failure").isPositive();
    assertThat(failed.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(seconds).as("the job gave up long before its lock (60 s) expired").isLessThan(20);

    // and no thread is left waiting on the silent server (the mail-outage probe on the scheduler may be in the middle
    // of its own attempt, which has the same timeouts)
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(threadsInsideJavaMail()).isEmpty());

    // when a real SMTP server answers on that port and the retry is due
    silent.close();
    smtp = new GreenMail(new ServerSetup(silent.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    ClockUtil.setCurrentTime(Date.from(FixedClockConfiguration.NOW.plusSeconds(61)));

    // then the verification request arrives, once, and nothing is left as an incident
    await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length > 0
        && management.createJobQuery().withException().count() == 0);
    var mails = Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read).toList();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).subject()).contains(ticketId);
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private String submitTicket() {
    var body = SnapdeskTestData.request().environment("staging").fields();
    Map<?, ?> answer = RestClient.create("http://localhost:" + port).post().uri("/api/tickets")
        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Map.class);
    return (String) answer.get("ticketId");
  }

  private Job verificationRequestJob() {
    return management.createJobQuery().activityId(BpmnIds.TASK_SEND_VERIFICATION_REQUEST).list().stream()
        .findFirst().orElse(null);
  }

  private static List<String> threadsInsideJavaMail() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> Arrays.stream(e.getValue()).anyMatch(frame -> frame.getClassName().contains(".mail.smtp.")))
        .map(e -> e.getKey().getName()).toList();
  }

  /** Accepts every connection and keeps it open without writing the SMTP greeting. */
  static final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentServer(ServerSocket socket) {
      this.socket = socket;
    }

    static SilentServer start() {
      try {
        var server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(() -> {
          try {
            while (!server.socket.isClosed()) server.accepted.add(server.socket.accept());
          } catch (IOException closed) {
            // closed by the test
          }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    List<Socket> connections() {
      return accepted;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) s.close();
    }
  }
}
