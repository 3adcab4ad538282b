package com.snapdesk.support;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Pins the engine's clock, which is also Snapdesk's, before the app starts: requested moments such as
 * 01:30 on 2026-11-01 in New York then stay inside retention however long after 2026 the tests run, and
 * the demo inventory is generated around the same instant.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfiguration {

  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  static {
    pin();
  }

  public static void pin() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }
}
