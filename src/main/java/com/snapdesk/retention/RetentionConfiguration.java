package com.snapdesk.retention;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the cleanup. Its window is Camunda's history cleanup window, read from the same two properties Camunda
 * reads, so both cleanups share one setting (application.yml sets 01:00–05:00).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

  static final String WINDOW_START = "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time";
  static final String WINDOW_END = "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time";

  @Bean
  PurgeExpiredData purgeExpiredData(RetentionStore store, RunLock lock, DataRetentionProperties properties,
                                    @Value("${" + WINDOW_START + ":01:00}") String windowStart,
                                    @Value("${" + WINDOW_END + ":05:00}") String windowEnd, Clock clock) {
    // Camunda reads a window without an offset in the JVM's default zone; so do we.
    CleanupWindow window = CleanupWindow.parse(windowStart, windowEnd, ZoneId.systemDefault());
    return new PurgeExpiredData(store, lock, properties.rules(), window, properties.batchSize(), clock);
  }
}
