package com.snapdesk;

import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The embedded default: H2 and the .eml outbox, exactly as `./mvnw spring-boot:run` runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:h2it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.mail.outbox-dir=target/it-h2/outbox",
    "snapdesk.local.recovery-dir=target/it-h2/recovery"
})
@Import(FixedClockConfiguration.class)
class BackupRetrievalH2IT extends HappyPathScenario {

  @Override
  List<Mail> mailsTo(String address) {
    return MailMessages.outbox(Path.of("target/it-h2/outbox")).stream().filter(m -> m.to().equals(address)).toList();
  }

  @Test
  void runsOneTicketOnTheEmbeddedDefaults() throws Exception {
    runsOneTicketFromSubmissionToRestoreInstructions();
  }
}
