package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;

class MailConfigurationTest {

  private final DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:mail-config");

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
      .withUserConfiguration(MailConfiguration.class)
      .withBean(DataSource.class, () -> dataSource)
      .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));

  @Test
  void writesToTheOutboxWhenNoMailHostIsConfigured() {
    context.run(app -> {
      assertThat(app).hasSingleBean(CustomerMailer.class);
      assertThat(app.getBean(MailTransport.class)).isInstanceOf(OutboxMailTransport.class);
      assertThat(((OutboxMailTransport) app.getBean(MailTransport.class)).outboxDir()).isEqualTo(Path.of("data/outbox"));
      assertThat(app.getBean(MailProperties.class).from()).isEqualTo("Snapdesk Support <support@snapdesk.example>");
    });
  }

  @Test
  void sendsOverSmtpWhenSpringMailHostIsSet() {
    context.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=2525")
        .run(app -> assertThat(app.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class));
  }

  @Test
  void namesJakartaMailsStreamProviderSoNoBodyPartScansTheClassPath() {
    context.run(app -> {
      // the implementation the ServiceLoader would find, now named up front
      assertThat(System.getProperty(MailConfiguration.STREAM_PROVIDER))
          .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
      assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
          .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    });
  }

  @Test
  void usesTheConfiguredOutboxFolder() {
    context.withPropertyValues("snapdesk.mail.outbox-dir=/var/spool/snapdesk")
        .run(app -> assertThat(((OutboxMailTransport) app.getBean(MailTransport.class)).outboxDir())
            .isEqualTo(Path.of("/var/spool/snapdesk")));
  }

  @Test
  void refusesToStartWithAnInvalidFromAddress() {
    context.withPropertyValues("snapdesk.mail.from=not an address")
        .run(app -> assertThat(app).hasFailed());
    context.withPropertyValues("snapdesk.mail.from=")
        .run(app -> assertThat(app).hasFailed());
  }

  @Test
  void boundsEverySmtpWaitWithTheConfiguredTimeouts() {
    // given SMTP with the default timeouts, and with configured ones
    context.withPropertyValues("spring.mail.host=localhost").run(app -> {
      var javaMail = ((JavaMailSenderImpl) app.getBean(JavaMailSender.class)).getJavaMailProperties();
      // then JavaMail never waits forever (its own default)
      assertThat(javaMail).containsEntry("mail.smtp.connectiontimeout", "10000")
          .containsEntry("mail.smtp.timeout", "30000").containsEntry("mail.smtp.writetimeout", "30000")
          .containsEntry("mail.smtps.timeout", "30000");
    });
    context.withPropertyValues("spring.mail.host=localhost", "snapdesk.mail.connect-timeout=2s",
        "snapdesk.mail.read-timeout=PT5S", "snapdesk.mail.write-timeout=7s").run(app -> {
      var javaMail = ((JavaMailSenderImpl) app.getBean(JavaMailSender.class)).getJavaMailProperties();
      assertThat(javaMail).containsEntry("mail.smtp.connectiontimeout", "2000")
          .containsEntry("mail.smtp.timeout", "5000").containsEntry("mail.smtp.writetimeout", "7000");
    });
  }

  @Test
  void timesEverySmtpWriteOnOneSharedThreadRatherThanAThreadPerMail() throws Exception {
    // given the configured sender and an SMTP server
    var server = new com.icegreen.greenmail.util.GreenMail(com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
    server.start();
    try {
      context.withPropertyValues("spring.mail.host=127.0.0.1",
          "spring.mail.port=" + server.getSmtp().getPort()).run(app -> {
        var sender = (JavaMailSenderImpl) app.getBean(JavaMailSender.class);
        assertThat(sender.getJavaMailProperties().get("mail.smtp.executor.writetimeout"))
            .isSameAs(MailConfiguration.WriteTimeouts.EXECUTOR);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        send(sender, 0); // the shared timer thread starts with the first timed write

        // when five mails go out, and five more without the shared executor (Jakarta Mail's own default)
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 5; i++) send(sender, i);
        long shared = threads.getTotalStartedThreadCount() - before;
        sender.getJavaMailProperties().remove("mail.smtp.executor.writetimeout");
        before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 5; i++) send(sender, i);
        long perConnection = threads.getTotalStartedThreadCount() - before;

        // then each mail started one thread fewer (the server's own threads are in both counts)
        assertThat(server.getReceivedMessages()).hasSize(11);
        assertThat(perConnection - shared).isGreaterThanOrEqualTo(5);
        assertThat(MailConfiguration.WriteTimeouts.EXECUTOR.isShutdown()).isFalse();
        assertThat(MailConfiguration.WriteTimeouts.EXECUTOR.getQueue()).isEmpty();
      });
    } finally {
      server.stop();
    }
  }

  private static void send(JavaMailSenderImpl sender, int i) throws Exception {
    var message = sender.createMimeMessage();
    message.setFrom("support@snapdesk.example");
    message.setRecipients(jakarta.mail.Message.RecipientType.TO, "someone@example.com");
    message.setText("hello " + i);
    sender.send(message);
  }

  @Test
  void refusesToStartWithANonPositiveTimeout() {
    context.withPropertyValues("snapdesk.mail.read-timeout=0s").run(app -> assertThat(app).hasFailed());
  }
}
