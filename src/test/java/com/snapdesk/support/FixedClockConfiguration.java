package com.snapdesk.support;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Pins the engine's clock, which is also Snapdesk's, before any bean is created: requested moments such as
 * 01:30 on 2026-11-01 in New York then stay inside retention however long after 2026 the tests run, and
 * the demo inventory is generated around the same instant. Use it as a context initializer.
 */
public class FixedClockConfiguration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    pin();
  }

  public static void pin() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }
}
