package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.notify.MailView.ClosureReason;
import com.snapdesk.notify.MailView.ConversationEntry;
import com.snapdesk.notify.MailView.Escalation;
import com.snapdesk.ticket.RejectionReason;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MailRendererTest {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String SED = "sed -e 's/DEFINER[ ]*=[ ]*[^*]*\\*/\\*/'";
  static final String IMPORT_LINE =
      "zcat <dump>.sql.gz | " + SED + " | mysql -h 127.0.0.1 -P <port> -p -u <user> <database>";

  private final MailRenderer renderer = new MailRenderer();

  /** Every kind about a ticket, and every variant of the rejection (the drill mail has its own test). */
  static Stream<Arguments> everyMail() {
    return Stream.concat(
        Stream.of(MailKind.values()).filter(k -> k != MailKind.REJECTION && k != MailKind.DRILL_FAILED)
            .map(k -> Arguments.of(k, RejectionReason.REJECTED_BY_AGENT)),
        Stream.of(RejectionReason.values()).map(r -> Arguments.of(MailKind.REJECTION, r)));
  }

  /** Every mail that goes to the customer, with every variant of the rejection. */
  static Stream<Arguments> everyCustomerMail() {
    return everyMail().filter(arguments -> ((MailKind) arguments.get()[0]).toCustomer());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMail")
  void rendersTextAndHtmlWithTicketInSubject(MailKind kind, RejectionReason reason) {
    // given a complete view
    var view = MailViews.complete().rejectionReason(reason.name()).build();

    // when rendering
    var mail = renderer.render(kind, view);

    // then both parts are there and the subject names the ticket
    assertThat(mail.subject()).isEqualTo("[SD-2026-0042] " + kind.subject());
    assertThat(mail.text()).contains("Alex Merchant", "SD-2026-0042").doesNotContain("[(", "[#");
    assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("Alex Merchant", "SD-2026-0042")
        .doesNotContainPattern("<[^>]*\\sth:\\w+=");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyCustomerMail")
  void everyCustomerMailLinksTheStatusPage(MailKind kind, RejectionReason reason) {
    // given a complete view
    var view = MailViews.complete().rejectionReason(reason.name()).build();

    // when rendering a mail to the customer
    var mail = renderer.render(kind, view);

    // then it shows their status link, with the warning to keep it to themselves
    assertThat(mail.text()).contains(view.statusUrl(), "Keep this link to yourself");
    assertThat(mail.html()).contains("href=\"" + view.statusUrl() + "\"", "Keep this link to yourself");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMail")
  void showsTheInterpretationNoteInEveryMail(MailKind kind, RejectionReason reason) {
    // given a requested time that happened twice, read as the earlier one
    var view = MailViews.complete().rejectionReason(reason.name()).interpretationNote(MailViews.NOTE).build();

    // when rendering
    var mail = renderer.render(kind, view);

    // then the customer is told how we read it, in both parts
    assertThat(mail.text()).contains(MailViews.NOTE);
    assertThat(mail.html()).contains(MailViews.NOTE);
  }

  @Test
  void leavesOutTheInterpretationLineWhenTimeWasUnambiguous() {
    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().interpretationNote(null).build());

    assertThat(mail.text()).doesNotContain("How we read it");
    assertThat(mail.html()).doesNotContain("How we read it");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMail")
  void escapesCustomerTextInHtml(MailKind kind, RejectionReason reason) {
    // given a name, reason, agent note, question and thread that carry a script tag
    var view = MailViews.complete().rejectionReason(reason.name())
        .customerName("Mallory " + SCRIPT)
        .reason("Restore please " + SCRIPT)
        .agentNote("Quoting the customer: " + SCRIPT)
        .question("Did you mean " + SCRIPT + "?")
        .conversation(List.of(new ConversationEntry("2026-11-26 09:40 EST", "Mallory " + SCRIPT, "Hi " + SCRIPT)))
        .build();

    // when rendering
    var mail = renderer.render(kind, view);

    // then the HTML shows it as text, never as a tag
    assertThat(mail.html()).contains("Mallory &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContainIgnoringCase("<script");
  }

  @Test
  void showsReasonAndAgentNoteEscaped() {
    var view = MailViews.complete().reason("Why " + SCRIPT).agentNote("Note " + SCRIPT).build();

    var acknowledgement = renderer.render(MailKind.VERIFICATION_REQUEST, view);
    var rejection = renderer.render(MailKind.REJECTION, view);

    assertThat(acknowledgement.html()).contains("Why &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(rejection.html()).contains("Note &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(rejection.text()).contains("Note " + SCRIPT);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyMail")
  void noFieldCanInjectMarkup(MailKind kind, RejectionReason reason) {
    // given every text field of the view carrying markup (inventory data is not trusted either)
    var point = new MailView.PointView(SCRIPT, SCRIPT, SCRIPT, SCRIPT, true);
    var view = MailView.builder().ticketId("SD-1").customerName(SCRIPT).customerEmail(SCRIPT)
        .projectId(SCRIPT).environment(SCRIPT).scope(SCRIPT).requestedLocal(SCRIPT).requestedUtc(SCRIPT)
        .interpretationNote(SCRIPT).statusUrl(SCRIPT).reason(SCRIPT).chosenPoint(point).before(point)
        .after(point).retentionTier(SCRIPT).resolutionExplanation(SCRIPT).rejectionReason(reason.name())
        .agentNote(SCRIPT).retentionTable(List.of(new MailView.RetentionRow(SCRIPT, SCRIPT)))
        .delivery(new MailView.Delivery(SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT))
        .question(SCRIPT).conversation(List.of(new ConversationEntry(SCRIPT, SCRIPT, SCRIPT)))
        .replyDeadlineLocal(SCRIPT).replyDeadlineUtc(SCRIPT).closedBecause(ClosureReason.EXPIRED)
        .escalation(new Escalation(SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT, SCRIPT))
        .build();

    // when rendering, then no raw tag reaches the HTML
    assertThat(renderer.render(kind, view).html()).doesNotContainIgnoringCase("<script");
  }

  @Test
  void restoreInstructionsGiveEveryStepInOrder() {
    // given a retrieval mounted on the first node
    var view = MailViews.complete().build();

    // when rendering the restore instructions
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, view);

    // then the text walks through the steps of the design, in order
    assertThat(mail.text()).containsSubsequence(
        "/mnt/recovery-rc-7f3a", "first node", "i-0abc1234def567890", "/dev/xvdf",
        "rp-0042", "2026-11-20 14:00 EST (America/New_York)", "2026-11-20 19:00 UTC",
        "30 minutes before the requested time",
        "off-peak", "php vendor/bin/ece-tools db-dump",
        "bin/magento maintenance:enable", "./vendor/bin/ece-tools cron:disable",
        "echo $MAGENTO_CLOUD_RELATIONSHIPS | base64 -d | json_pp",
        "DROP DATABASE <database>;", "CREATE DATABASE <database>;",
        IMPORT_LINE,
        "./vendor/bin/ece-tools cron:enable", "bin/magento maintenance:disable",
        "writable mounts", "by hand", "git",
        "2026-11-27 14:00 EST (America/New_York)", "2026-11-27 19:00 UTC");
    assertThat(mail.html()).containsSubsequence(
        "/mnt/recovery-rc-7f3a", "i-0abc1234def567890", "/dev/xvdf",
        "rp-0042", "2026-11-20 14:00 EST (America/New_York)", "2026-11-20 19:00 UTC",
        "30 minutes before the requested time",
        "<pre><code>php vendor/bin/ece-tools db-dump</code></pre>",
        "bin/magento maintenance:enable", "./vendor/bin/ece-tools cron:disable",
        "echo $MAGENTO_CLOUD_RELATIONSHIPS | base64 -d | json_pp",
        "./vendor/bin/ece-tools cron:enable", "bin/magento maintenance:disable",
        "writable mounts", "git",
        "2026-11-27 14:00 EST (America/New_York)", "2026-11-27 19:00 UTC");
  }

  @Test
  void restoreInstructionsCarryTheImportLineByteExact() {
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, MailViews.complete().build());

    // then the text has it as a line of its own, ready to copy
    assertThat(mail.text().lines().map(String::strip)).contains(IMPORT_LINE);
    // and the HTML has it in a code block, only the placeholders' angle brackets escaped
    assertThat(mail.html()).contains("<pre><code>" + IMPORT_LINE.replace("<", "&lt;").replace(">", "&gt;")
        + "</code></pre>");
    assertThat(mail.html()).contains(SED);
  }

  @Test
  void restoreInstructionsForADownloadPointToTheLinkInsteadOfANode() {
    // given a database dump delivered as a link
    var link = "https://dumps.snapdesk.example/rc-9?X-Amz-Signature=abc";
    var view = MailViews.complete()
        .delivery(new MailView.Delivery("rc-9", link, null, null, "2026-11-27 14:00 EST", "2026-11-27 19:00 UTC"))
        .build();

    // when rendering
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, view);

    // then it says to download it, and still gives the import line
    assertThat(mail.text()).contains("Download the database dump", link, IMPORT_LINE).doesNotContain("first node");
    assertThat(mail.html()).contains("href=\"" + link + "\"").doesNotContain("first node");
  }

  @Test
  void restoreInstructionsOnANodeShowHowToListTheNewestDumpWhenTheRetrievalNamesNone() {
    // given data on the node whose dump file the retrieval did not report
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, MailViews.complete().build());

    // then the customer gets the command that lists the dumps there, newest first
    String list = "ls -lt $(find /mnt/recovery-rc-7f3a -name '*.sql.gz' -type f)";
    assertThat(mail.text().lines().map(String::strip)).contains(list);
    assertThat(mail.html()).contains("<pre><code>" + list + "</code></pre>");
    assertThat(mail.text()).doesNotContain("the .sql.gz file in");
  }

  @Test
  void restoreInstructionsOnANodeNameTheDumpToImportWhenKnown() {
    // given data on the node with a known dump file
    var view = MailViews.complete().delivery(new MailView.Delivery("rc-7f3a", "/mnt/recovery-rc-7f3a",
        "i-0abc1234def567890", null, "2026-11-27 14:00 EST", "2026-11-27 19:00 UTC", false,
        "/mnt/recovery-rc-7f3a/database/main.sql.gz")).build();

    // when rendering
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, view);

    // then the import line names that exact file, no placeholder to replace
    String line = IMPORT_LINE.replace("<dump>.sql.gz", "/mnt/recovery-rc-7f3a/database/main.sql.gz");
    assertThat(mail.text().lines().map(String::strip)).contains(line);
    assertThat(mail.html()).contains("<pre><code>" + line.replace("<", "&lt;").replace(">", "&gt;")
        + "</code></pre>");
    assertThat(mail.text()).doesNotContain("<dump>");
  }

  @Test
  void restoreInstructionsForADownloadNameTheDeliveredFile() {
    // given a dump delivered through the app's download URL, which does not carry the file name
    var link = "https://snapdesk.example/tickets/SD-1/download?token=t";
    var view = MailViews.complete().delivery(new MailView.Delivery("rc-9", link, null, null,
        "2026-11-27 14:00 EST", "2026-11-27 19:00 UTC", true, "mx7k2p4qzt3rw-production-rp-0042.sql.gz")).build();

    // when rendering
    var mail = renderer.render(MailKind.RESTORE_INSTRUCTIONS, view);

    // then the import names the downloaded file
    String line = IMPORT_LINE.replace("<dump>.sql.gz", "mx7k2p4qzt3rw-production-rp-0042.sql.gz");
    assertThat(mail.text()).contains("the file you downloaded,\nmx7k2p4qzt3rw-production-rp-0042.sql.gz");
    assertThat(mail.text().lines().map(String::strip)).contains(line);
    assertThat(mail.html()).contains("<code>mx7k2p4qzt3rw-production-rp-0042.sql.gz</code>")
        .contains("<pre><code>" + line.replace("<", "&lt;").replace(">", "&gt;") + "</code></pre>");
  }

  @Test
  void locationLineOnANodeWithoutANameEndsAtTheFirstNode() {
    // given data on the node, the node's name unknown
    var delivery = new MailView.Delivery("rc-7f3a", "/mnt/recovery-rc-7f3a", null, null,
        "2026-11-27 14:00 EST", "2026-11-27 19:00 UTC", false, null);
    var view = MailViews.complete().delivery(delivery).closedBecause(ClosureReason.EXPIRED).build();

    // when rendering every mail that says where the data is
    var restore = renderer.render(MailKind.RESTORE_INSTRUCTIONS, view);
    var reminder = renderer.render(MailKind.EXPIRY_REMINDER, view);
    var closed = renderer.render(MailKind.CLOSED, view);

    // then the sentence ends at the first node: no dangling comma, no empty name, not offered as a download
    assertThat(restore.text()).contains("on the first node of your environment.")
        .doesNotContain("environment,\n").doesNotContain("Download the database dump");
    assertThat(restore.html()).contains("on the first node\n  of your environment.");
    assertThat(reminder.text()).contains("on the first node of your environment.").doesNotContain("environment,");
    assertThat(reminder.html()).contains("environment.</p>").doesNotContain("<code></code>");
    assertThat(closed.text()).contains("on the first node of your environment;").doesNotContain("download");
    assertThat(closed.html()).contains("the first node of your environment; that folder is gone now.");
  }

  @Test
  void restoreInstructionsNeedADelivery() {
    var view = MailViews.complete().delivery(null).build();

    assertThatThrownBy(() -> renderer.render(MailKind.RESTORE_INSTRUCTIONS, view))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delivery");
  }

  @Test
  void verificationRequestAsksToConfirmWithTheLinkAndShowsTimesAndCandidate() {
    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().build());

    assertThat(mail.subject()).contains("Confirm your backup request");
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence(
          "confirm it", "https://snapdesk.example/tickets/SD-2026-0042?token=s3cr3t",
          "If you did not ask for this, do nothing",
          "2026-11-20 14:30 EST (America/New_York)", "2026-11-20 19:30 UTC",
          "rp-0042", "2026-11-20 14:00 EST (America/New_York)", "2026-11-20 19:00 UTC",
          "30 minutes before the requested time",
          "agent reviews", "never restore");
      assertThat(part).doesNotContain("72 hours");
    }
  }

  @Test
  void verificationRequestWarnsThatAnArchivedPointTakesUpTo72Hours() {
    var archived = new MailView.PointView("rp-0001", "2026-08-01 10:00 EDT", "2026-08-01 14:00 UTC",
        "2 hours after the requested time", true);

    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().chosenPoint(archived).build());

    assertThat(mail.text()).contains("archive", "72 hours");
    assertThat(mail.html()).contains("archive", "72 hours");
  }

  @Test
  void verificationRequestSaysHowLongSimilarRetrievalsTook() {
    // given the estimate from measured retrievals of this kind
    var sentence = "Once approved, similar retrievals were ready in about 40 minutes; 9 in 10 within 2 hours.";

    // when rendering the verification request
    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().retrievalEstimate(sentence).build());

    // then both parts say it, after what happens next
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence("instructions to restore",
          "How long it usually takes", "ready in about 40 minutes; 9 in 10 within 2 hours");
    }
  }

  @Test
  void verificationRequestSaysSoWhenThereIsTooLittleHistoryToEstimate() {
    var sentence = "We do not have enough history yet to estimate how long this kind of retrieval takes.";

    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().retrievalEstimate(sentence).build());

    assertThat(mail.text()).contains("do not have enough history yet to estimate");
    assertThat(mail.html()).contains("do not have enough history yet to estimate");
  }

  @Test
  void verificationRequestWithoutAnEstimateLeavesTheLineOut() {
    var mail = renderer.render(MailKind.VERIFICATION_REQUEST, MailViews.complete().build());

    assertThat(mail.text()).doesNotContain("How long it usually takes");
    assertThat(mail.html()).doesNotContain("How long it usually takes");
  }

  @Test
  void notAContactRejectionDoesNotRevealTheProject() {
    // given someone who is not a registered contact of the project they named
    var view = MailViews.rejection(RejectionReason.NOT_A_CONTACT);

    // when rendering the rejection
    var mail = renderer.render(MailKind.REJECTION, view);

    // then it answers neutrally, without repeating the project id
    for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
      assertThat(part).doesNotContain(MailViews.PROJECT_ID);
    }
    assertThat(mail.text()).contains("registered contacts", "check the project id");
    assertThat(mail.html()).contains("registered contacts", "check the project id");
  }

  @Test
  void noAutomaticBackupsRejectionExplainsTheSelfServicePath() {
    var mail = renderer.render(MailKind.REJECTION, MailViews.rejection(RejectionReason.NO_AUTOMATIC_BACKUPS));

    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).contains("Pro plan", "Backup", "7 days",
          "magento-cloud snapshot:create", "magento-cloud snapshot:restore", "php vendor/bin/ece-tools db-dump");
    }
  }

  @Test
  void outOfRetentionRejectionListsTheRetentionTable() {
    var mail = renderer.render(MailKind.REJECTION, MailViews.rejection(RejectionReason.OUT_OF_RETENTION));

    for (var row : MailViews.RETENTION) {
      assertThat(mail.text()).contains(row.age() + ": " + row.kept());
      assertThat(mail.html()).contains(">" + row.age() + "<", ">" + row.kept() + "<");
    }
  }

  @Test
  void noRecoveryPointRejectionSaysSo() {
    var mail = renderer.render(MailKind.REJECTION, MailViews.complete()
        .rejectionReason(RejectionReason.NO_RECOVERY_POINT.name()).agentNote(null)
        .resolutionExplanation("The only backups near that time are in error.").build());

    assertThat(mail.text()).contains("no completed automatic backup", "The only backups near that time are in error.");
    assertThat(mail.html()).contains("no completed automatic backup", "The only backups near that time are in error.");
  }

  @Test
  void agentRejectionShowsTheAgentsNote() {
    var mail = renderer.render(MailKind.REJECTION, MailViews.complete()
        .rejectionReason(RejectionReason.REJECTED_BY_AGENT.name()).agentNote("Production data needs a ticket from the owner.")
        .build());

    assertThat(mail.text()).contains("could not approve", "Production data needs a ticket from the owner.");
    assertThat(mail.html()).contains("could not approve", "Production data needs a ticket from the owner.");
  }

  @Test
  void customerQuestionShowsTheQuestionTheThreadAndTheReplyDeadline() {
    // given an agent who needs something from the customer, after an earlier exchange
    var view = MailViews.complete().build();

    // when rendering the question
    var mail = renderer.render(MailKind.CUSTOMER_QUESTION, view);

    // then the customer reads the question, the thread so far, where to answer and until when we wait
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence(
          MailViews.QUESTION,
          "Alex Merchant", "Please hurry, the catalog import deleted them.",
          "Snapdesk support", "We are on it. One more thing before we start.",
          "status page", MailViews.STATUS_URL,
          "2026-11-29 09:00 EST (America/New_York)", "2026-11-29 14:00 UTC", "without retrieving",
          MailViews.PROJECT_ID, "2026-11-20 14:30 EST (America/New_York)", "A bad import deleted 300 products.");
    }
  }

  @Test
  void customerQuestionWithoutEarlierMessagesShowsNoThread() {
    var mail = renderer.render(MailKind.CUSTOMER_QUESTION, MailViews.complete().conversation(null).build());

    assertThat(mail.text()).contains(MailViews.QUESTION).doesNotContain("conversation so far");
    assertThat(mail.html()).contains(MailViews.QUESTION).doesNotContain("conversation so far");
  }

  @Test
  void replyReminderRepeatsTheQuestionAndSaysWhenWeClose() {
    var mail = renderer.render(MailKind.REPLY_REMINDER, MailViews.complete().build());

    assertThat(mail.subject()).contains("waiting for your answer");
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence("still waiting", MailViews.QUESTION,
          "We are on it. One more thing before we start.", MailViews.STATUS_URL,
          "2026-11-29 09:00 EST (America/New_York)", "2026-11-29 14:00 UTC", "without retrieving");
    }
  }

  @Test
  void closedNoReplySaysNothingWasRetrievedAndHowToAskAgain() {
    var mail = renderer.render(MailKind.CLOSED_NO_REPLY, MailViews.complete().build());

    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence("closed", "did not", "answer",
          "Nothing was retrieved", "nothing was restored or changed", MailViews.QUESTION, "new request");
    }
  }

  @Test
  void cancellationConfirmsTheRemovalAndThatNothingWasChanged() {
    var mail = renderer.render(MailKind.CANCELLED, MailViews.complete().build());

    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence("cancelled", "SD-2026-0042",
          "retrieved", "removed", "Nothing was restored, rolled back or changed", "new request");
    }
  }

  @Test
  void expiryReminderSaysWhereTheDataIsAndWhenItIsRemoved() {
    // given data retrieved onto the first node
    var view = MailViews.complete().build();

    // when rendering the reminder a day before it expires
    var mail = renderer.render(MailKind.EXPIRY_REMINDER, view);

    // then it says when it goes, where it is, and how to say "done"
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence(
          "2026-11-27 14:00 EST (America/New_York)", "2026-11-27 19:00 UTC", "about a day",
          "copy anything you still need",
          "/mnt/recovery-rc-7f3a", "first node", "i-0abc1234def567890",
          "does not touch your environment",
          "Confirm", "status page", MailViews.STATUS_URL);
    }
  }

  @Test
  void expiryReminderForADownloadPointsToTheLink() {
    var link = "https://dumps.snapdesk.example/rc-9?X-Amz-Signature=abc";
    var view = MailViews.complete()
        .delivery(new MailView.Delivery("rc-9", link, null, null, "2026-11-27 14:00 EST", "2026-11-27 19:00 UTC"))
        .build();

    var mail = renderer.render(MailKind.EXPIRY_REMINDER, view);

    assertThat(mail.text()).contains("download link", link, "2026-11-27 14:00 EST").doesNotContain("first node");
    assertThat(mail.html()).contains("href=\"" + link + "\"").doesNotContain("first node");
  }

  @Test
  void closedSaysWhetherTheCustomerConfirmedOrTheDataExpired() {
    // given the same ticket closed once after the customer confirmed and once on expiry
    var confirmed = renderer.render(MailKind.CLOSED, MailViews.complete().closedBecause(ClosureReason.CONFIRMED).build());
    var expired = renderer.render(MailKind.CLOSED, MailViews.complete().closedBecause(ClosureReason.EXPIRED).build());

    // then each tells its own reason, both say the data is gone and how to ask again
    for (var mail : List.of(confirmed, expired)) {
      assertThat(mail.text()).contains("is closed", "removed", "/mnt/recovery-rc-7f3a", "did not touch your environment",
          "Thank you", "new request");
      assertThat(mail.html()).contains("is closed", "removed", "/mnt/recovery-rc-7f3a", "did not touch your environment",
          "Thank you", "new request");
    }
    assertThat(confirmed.text()).contains("You confirmed").doesNotContain("run out");
    assertThat(confirmed.html()).contains("You confirmed").doesNotContain("run out");
    assertThat(expired.text()).contains("run out", "2026-11-27 14:00 EST (America/New_York)").doesNotContain("You confirmed");
    assertThat(expired.html()).contains("run out", "2026-11-27 19:00 UTC").doesNotContain("You confirmed");
    assertThat(confirmed.text()).isNotEqualTo(expired.text());
  }

  @Test
  void escalationNamesTheSlaAtRiskAndLinksTheTask() {
    // given a first-response SLA at 80% of its target
    var view = MailViews.complete().build();

    // when rendering the escalation for a support lead
    var mail = renderer.render(MailKind.ESCALATION, view);

    // then the lead sees the ticket, the SLA, how much is used, when it is due, and the task link
    assertThat(mail.subject()).isEqualTo("[SD-2026-0042] Escalation: SLA at risk");
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).containsSubsequence("first response", "SD-2026-0042", "80%",
          "2026-11-26 15:00 EST (America/New_York)", "2026-11-26 20:00 UTC", MailViews.TASKLIST_URL,
          "AWAITING_APPROVAL", MailViews.PROJECT_ID, "production",
          "2026-11-20 14:30 EST (America/New_York)", "2026-11-20 19:30 UTC");
    }
    assertThat(mail.html()).contains("href=\"" + MailViews.TASKLIST_URL + "\"");
  }

  @Test
  void drillFailureTellsTheLeadsWhatFailedAndHowToAcknowledgeIt() {
    // given a restore drill whose validation failed, with markup in its reason
    var view = MailViews.minimalFor(MailKind.DRILL_FAILED).toBuilder().ticketId("DRILL-20261126-0300-acme-prod")
        .build();

    // when rendering the mail for the support leads
    var mail = renderer.render(MailKind.DRILL_FAILED, view);

    // then they see the drill, the point, the reason (escaped), the Cockpit link and no status link
    assertThat(mail.subject()).isEqualTo("[DRILL-20261126-0300-acme-prod] Restore drill failed");
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertThat(part).contains("DRILL-20261126-0300-acme-prod", MailViews.PROJECT_ID, "production",
          "rp-0042, taken 2026-11-26 02:00 UTC", "drillFailureAcknowledged", MailViews.DRILL_FAILURE.cockpitUrl())
          .doesNotContain(MailViews.STATUS_URL);
    }
    assertThat(mail.html()).contains("&lt;b&gt;dump&lt;/b&gt;").doesNotContain("<b>dump</b>");
  }

  @Test
  void escalationNeverShowsTheCustomersStatusLink() {
    // given a view that carries the customer's status link, as every ticket view does
    var view = MailViews.complete().build();

    // when rendering the escalation for a support lead
    var mail = renderer.render(MailKind.ESCALATION, view);

    // then neither the link nor its secret nor the word "token" reaches the lead
    for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
      assertThat(part).doesNotContain(MailViews.STATUS_URL, "s3cr3t", "snapdesk.example/tickets")
          .doesNotContainIgnoringCase("token")
          .doesNotContain("Keep this link to yourself");
    }
    assertThat(mail.text()).contains("internal", "Do not forward it to the customer");
    assertThat(mail.html()).contains("internal", "Do not forward it to the customer");
  }

  @Test
  void escalationLinksOnlyAWebAddress() {
    var view = MailViews.complete().escalation(new Escalation("delivery", "90%", "2026-11-27 09:00 EST",
        "2026-11-27 14:00 UTC", "AWAITING_APPROVAL", "javascript:alert(1)")).build();

    var mail = renderer.render(MailKind.ESCALATION, view);

    assertThat(mail.html()).contains("javascript:alert(1)").doesNotContain("href=\"javascript:");
  }

  /** Each kind with one field it cannot do without left out. */
  static Stream<Arguments> incompleteViews() {
    return Stream.of(
        incomplete(MailKind.CUSTOMER_QUESTION, "question", b -> b.question(null)),
        incomplete(MailKind.CUSTOMER_QUESTION, "question", b -> b.question("  ")),
        incomplete(MailKind.CUSTOMER_QUESTION, "replyDeadlineLocal", b -> b.replyDeadlineLocal(null)),
        incomplete(MailKind.CUSTOMER_QUESTION, "replyDeadlineUtc", b -> b.replyDeadlineUtc(null)),
        incomplete(MailKind.REPLY_REMINDER, "question", b -> b.question(null)),
        incomplete(MailKind.REPLY_REMINDER, "replyDeadlineLocal", b -> b.replyDeadlineLocal(null)),
        incomplete(MailKind.EXPIRY_REMINDER, "delivery", b -> b.delivery(null)),
        incomplete(MailKind.CLOSED, "closedBecause", b -> b.closedBecause(null)),
        incomplete(MailKind.ESCALATION, "escalation", b -> b.escalation(null)));
  }

  private static Arguments incomplete(MailKind kind, String field, UnaryOperator<MailView.Builder> leaveOut) {
    return Arguments.of(kind, field, leaveOut.apply(MailViews.complete()).build());
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("incompleteViews")
  void refusesAViewThatLacksWhatTheKindMustShow(MailKind kind, String field, MailView view) {
    assertThatThrownBy(() -> renderer.render(kind, view))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  @ParameterizedTest
  @EnumSource(MailKind.class)
  void rendersFromTheLeastAViewMayHold(MailKind kind) {
    // given a view with only the ticket and what this kind requires: no reason, point, thread or note
    var view = MailViews.minimalFor(kind);

    // when rendering, then nothing optional is missed and no empty label is left behind
    var mail = renderer.render(kind, view);
    assertThat(mail.text()).contains("SD-2026-0042").doesNotContain("null", "Your reason", "How we read it");
    assertThat(mail.html()).contains("SD-2026-0042").doesNotContain("null", "Your reason", "How we read it");
  }

  @ParameterizedTest
  @EnumSource(MailKind.class)
  void eachKindHasBothTemplates(MailKind kind) {
    for (String suffix : new String[] {".html", ".txt"}) {
      assertThat(getClass().getClassLoader().getResource(MailRenderer.TEMPLATE_PREFIX + kind.templateName() + suffix))
          .as("template %s%s", kind.templateName(), suffix).isNotNull();
    }
  }
}
