package com.snapdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.persistence.JdbcSlaEventLog;
import com.snapdesk.support.SlaDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The beans as the application scans them, without booting the engine. */
class SlaWiringTest {

  static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(SlaProperties.class)
  @Import({SlaTracker.class, JdbcSlaEventLog.class})
  static class Sla {
    @Bean(destroyMethod = "shutdown")
    DataSource dataSource() {
      return SlaDatabase.create().dataSource();
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(Sla.class);

  @Test
  void startsWithoutAnySlaConfiguration() {
    // given no snapdesk.sla properties
    runner.run(context -> {
      // when the context starts
      // then the tracker works with the default targets
      assertThat(context).hasNotFailed().hasSingleBean(SlaTracker.class).hasSingleBean(SlaEventLog.class);
      SlaTracker sla = context.getBean(SlaTracker.class);
      sla.start("SD-1", Environment.PRODUCTION);
      assertThat(sla.deadline("SD-1", SlaClockKind.FIRST_RESPONSE)).map(SlaClockReading::dueAt)
          .contains(NOW.plus(Duration.ofHours(1)));
    });
  }

  @Test
  void refusesToStartWithAnInvalidEscalationPoint() {
    // given an escalation point at 100 % of the target
    runner.withPropertyValues("snapdesk.sla.escalate-at=1").run(context -> {
      // when the context starts
      // then it fails and says which property is wrong
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("snapdesk.sla");
    });
  }
}
