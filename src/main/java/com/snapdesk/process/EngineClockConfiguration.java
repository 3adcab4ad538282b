package com.snapdesk.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One time source for the engine (timers, due dates, history) and the use cases (SLA clocks, expiry,
 * timelines): the engine's clock. In production it is the system clock; tests move it.
 */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

  @Bean
  @Primary
  Clock engineClock() {
    return new EngineClock(ZoneOffset.UTC);
  }

  private static final class EngineClock extends Clock {
    private final ZoneId zone;

    EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
