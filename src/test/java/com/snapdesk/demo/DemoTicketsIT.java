package com.snapdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.FixedClockConfiguration;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The demo tickets: seeded once in the demo profile, and nothing more when the app starts again later. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-tickets;DB_CLOSE_DELAY=-1",
    "snapdesk.mail.outbox-dir=target/it-demo-tickets/outbox",
    "snapdesk.local.recovery-dir=target/it-demo-tickets/recovery",
    "snapdesk.demo.tickets=true"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
class DemoTicketsIT {

  @Autowired DemoTickets demo;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  @AfterEach
  void pinTheClockAgain() {
    FixedClockConfiguration.pin();
  }

  @Test
  void seedsFinishedAndOpenTicketsOnceAcrossRestarts() {
    // given the demo tickets seeded at start-up
    long tickets = count("select count(*) from ticket");
    // (only seeding starts clocks; escalations and decisions of the running demo tickets may still add rows)
    long started = count("select count(*) from sla_event where type = 'STARTED'");
    long running = runtime.createProcessInstanceQuery().count();
    assertThat(running).as("open demo tickets run in the process").isEqualTo(DemoTickets.OPEN.size());
    assertThat(tickets).isGreaterThan(DemoTickets.OPEN.size() + 30L);
    assertThat(count("select count(*) from ticket where status in ('CLOSED', 'REJECTED', 'CANCELLED')"))
        .isEqualTo(tickets - DemoTickets.OPEN.size());
    assertThat(count("select count(*) from sla_event where type = 'BREACHED'")).isPositive();

    // when the app starts again a day later (same database)
    ClockUtil.setCurrentTime(Date.from(FixedClockConfiguration.NOW.plus(Duration.ofDays(1))));
    demo.seed();

    // then nothing is added
    assertThat(count("select count(*) from ticket")).isEqualTo(tickets);
    assertThat(count("select count(*) from sla_event where type = 'STARTED'")).isEqualTo(started);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(running);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
