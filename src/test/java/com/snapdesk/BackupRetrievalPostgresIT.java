package com.snapdesk;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.EmbeddedPostgresConfiguration;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import java.util.Arrays;
import java.util.List;
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
    "snapdesk.demo.tickets=false"
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
}
