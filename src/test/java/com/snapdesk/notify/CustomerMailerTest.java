package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.support.SnapdeskTestData;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

class CustomerMailerTest {

  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  private final EmbeddedDatabase db = new EmbeddedDatabaseBuilder()
      .setType(EmbeddedDatabaseType.H2)
      .generateUniqueName(true)
      .addScript("db/migration/V2__sent_mail.sql")
      .build();
  private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
  private final RecordingTransport transport = new RecordingTransport();
  private final CustomerMailer mailer = new IdempotentCustomerMailer(new MailRenderer(), transport,
      new SentMailLog(db), transactions, Clock.fixed(NOW, ZoneOffset.UTC));
  private final MailView view = MailViews.complete().build();

  @AfterEach
  void shutDown() {
    db.shutdown();
  }

  @Test
  void sendsOnlyOnceForTheSameDedupKey() {
    // given a mail already sent for this process step
    mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);

    // when the step runs again (a retried job)
    mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);

    // then the customer got one mail
    assertThat(transport.sent).hasSize(1);
    assertThat(transport.sent.get(0).dedupKey()).isEqualTo("proc-1:Task_Acknowledge");
    assertThat(transport.sent.get(0).content().subject()).isEqualTo("[SD-2026-0042] Confirm your backup request");
  }

  @Test
  void sendsOneMailPerDifferentKey() {
    mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);
    mailer.send("proc-2:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);

    assertThat(transport.sent).extracting(MailTransport.Envelope::dedupKey)
        .containsExactly("proc-1:Task_Acknowledge", "proc-2:Task_Acknowledge");
  }

  @Test
  void recordsWhatWasSentToWhomAndWhen() {
    mailer.send("proc-1:Task_SendRestoreInstructions", MailKind.RESTORE_INSTRUCTIONS, SnapdeskTestData.ACME_CONTACT, view);

    var row = JdbcClient.create(db).sql("select kind, recipient, sent_at from sent_mail where dedup_key = ?")
        .param("proc-1:Task_SendRestoreInstructions")
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
        .single();
    assertThat(row).containsExactly("RESTORE_INSTRUCTIONS", SnapdeskTestData.ACME_CONTACT, NOW);
  }

  @Test
  void staysSentWhenTheCallersTransactionRollsBackAfterwards() {
    // given a job whose transaction fails after the mail went out
    var callersTransaction = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> callersTransaction.executeWithoutResult(status -> {
      mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);
      throw new IllegalStateException("a later step in the same job failed");
    })).isInstanceOf(IllegalStateException.class);

    // when the job is retried
    mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);

    // then the mail is not sent a second time
    assertThat(transport.sent).hasSize(1);
  }

  @Test
  void sendsOnRetryWhenTheFirstAttemptFailed() {
    // given a mail server that refuses the first attempt
    transport.failuresLeft = 1;
    assertThatThrownBy(() -> mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view))
        .isInstanceOf(MailDeliveryException.class);

    // when the job is retried
    mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view);

    // then the mail goes out once
    assertThat(transport.sent).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ops@acme.example\r\nBcc: all@evil.example",
      "ops@acme.example\nBcc: all@evil.example",
      "ops@acme.example, all@evil.example",
      "ops@acme.example;all@evil.example",
      "Ops <ops@acme.example>",
      "ops@acme.example (Ops)",
      "undisclosed:;",
      "ops@@acme.example",
      "ops@",
      "ops.acme.example",
      "   "})
  void refusesAnythingButOnePlainAddress(String to) {
    assertThatThrownBy(() -> mailer.send("proc-1:Task_Acknowledge", MailKind.VERIFICATION_REQUEST, to, view))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(transport.sent).isEmpty();
    assertThat(JdbcClient.create(db).sql("select count(*) from sent_mail").query(Integer.class).single()).isZero();
  }

  @Test
  void refusesAKeyThatDoesNotFitTheLog() {
    assertThatThrownBy(() -> mailer.send("k".repeat(201), MailKind.VERIFICATION_REQUEST, SnapdeskTestData.ACME_CONTACT, view))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(transport.sent).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = MailKind.class, names = {"CUSTOMER_QUESTION", "REPLY_REMINDER"})
  void sendsNothingWhenTheQuestionIsMissing(MailKind kind) {
    // given a view without the agent's question
    var withoutQuestion = MailViews.complete().question(null).build();

    // when asked to send a mail that must show it
    assertThatThrownBy(() -> mailer.send("proc-1:Task_AskCustomer:1", kind, SnapdeskTestData.ACME_CONTACT, withoutQuestion))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("question");

    // then nothing went out and nothing was recorded, so a corrected retry still sends it
    assertThat(transport.sent).isEmpty();
    assertThat(JdbcClient.create(db).sql("select count(*) from sent_mail").query(Integer.class).single()).isZero();
  }

  @Test
  void sendsNothingWhenAnEscalationLacksItsSla() {
    var withoutEscalation = MailViews.complete().escalation(null).build();

    assertThatThrownBy(() -> mailer.send("proc-1:Timer_FirstResponse:1:lead@snapdesk.example", MailKind.ESCALATION,
        "lead@snapdesk.example", withoutEscalation))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escalation");
    assertThat(transport.sent).isEmpty();
  }

  @Test
  void escalatesToEachLeadOnceWhenTheStepIsRetried() {
    // given an escalation step that mails two leads, one key per recipient
    var leads = List.of("lead.one@snapdesk.example", "lead.two@snapdesk.example");
    Runnable step = () -> leads.forEach(lead ->
        mailer.send("proc-1:Timer_FirstResponse:1:" + lead, MailKind.ESCALATION, lead, view));

    // when the step runs, and runs again after a failure later in the job
    step.run();
    step.run();

    // then each lead got it once, without the customer's status link
    assertThat(transport.sent).extracting(MailTransport.Envelope::to).containsExactlyElementsOf(leads);
    assertThat(transport.sent).allSatisfy(sent -> {
      assertThat(sent.content().text()).doesNotContain(view.statusUrl());
      assertThat(sent.content().html()).doesNotContain(view.statusUrl());
    });
  }

  static final class RecordingTransport implements MailTransport {
    final List<Envelope> sent = new ArrayList<>();
    int failuresLeft;

    @Override
    public void send(Envelope envelope) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new MailDeliveryException("connection refused", null);
      }
      sent.add(envelope);
    }
  }
}
