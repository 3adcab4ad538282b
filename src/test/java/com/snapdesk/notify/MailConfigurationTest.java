package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
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
}
