package com.snapdesk;

import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.MailMessages.Mail;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded default: H2 and the .eml outbox, exactly as `./mvnw spring-boot:run` runs. */
@EmbeddedAppTest
class BackupRetrievalH2IT extends HappyPathScenario {

  @Override
  List<Mail> mailsTo(String address) {
    return MailMessages.outbox(Path.of(EmbeddedAppTest.OUTBOX)).stream().filter(m -> m.to().equals(address)).toList();
  }

  @Test
  void runsOneTicketOnTheEmbeddedDefaults() throws Exception {
    runsOneTicketFromSubmissionToRestoreInstructions();
  }
}
