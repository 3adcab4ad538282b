package com.snapdesk.drill.metrics;

import com.snapdesk.drill.DrillEvents;
import com.snapdesk.drill.DrillOutcome;
import com.snapdesk.drill.RestoreDrill;
import com.snapdesk.project.Environment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Restore drills in Micrometer (scraped at {@code /actuator/prometheus}):
 * <ul>
 *   <li>{@code snapdesk.drills.time.to.ready{environment}}: from the start of retrieval until the data was
 *       validated, for drills that passed;</li>
 *   <li>{@code snapdesk.drills.failures{environment, outcome}}: drills that failed or timed out;</li>
 *   <li>{@code snapdesk.drills.finished{environment, outcome}}: every drill that ended.</li>
 * </ul>
 * They move when the recording transaction commits, so a retried job does not count twice.
 */
@Component
class DrillMetrics implements DrillEvents, MeterBinder {

  private static final List<Environment> DRILLED = List.of(Environment.STAGING, Environment.PRODUCTION);
  private static final List<DrillOutcome> ENDINGS = List.of(DrillOutcome.PASSED, DrillOutcome.FAILED,
      DrillOutcome.TIMED_OUT);

  private volatile MeterRegistry registry;

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    // Registered up front, so the series exist (at zero) before the first drill ends.
    for (Environment env : DRILLED) {
      timeToReady(registry, env);
      for (DrillOutcome outcome : ENDINGS) {
        finished(registry, env, outcome);
        if (outcome != DrillOutcome.PASSED) failures(registry, env, outcome);
      }
    }
  }

  @Override
  public void finished(RestoreDrill drill) {
    Runnable count = () -> {
      MeterRegistry r = registry;
      if (r == null) return;
      finished(r, drill.environment(), drill.outcome()).increment();
      if (drill.outcome() == DrillOutcome.PASSED && drill.readyAfter() != null) {
        timeToReady(r, drill.environment()).record(drill.readyAfter());
      } else if (drill.outcome() != DrillOutcome.PASSED) {
        failures(r, drill.environment(), drill.outcome()).increment();
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }

  private static Timer timeToReady(MeterRegistry registry, Environment env) {
    return Timer.builder("snapdesk.drills.time.to.ready")
        .description("Restore drills: time from the start of retrieval until the data was validated")
        .tag("environment", env.id()).register(registry);
  }

  private static Counter failures(MeterRegistry registry, Environment env, DrillOutcome outcome) {
    return Counter.builder("snapdesk.drills.failures").description("Restore drills that failed or timed out")
        .tag("environment", env.id()).tag("outcome", tag(outcome)).register(registry);
  }

  private static Counter finished(MeterRegistry registry, Environment env, DrillOutcome outcome) {
    return Counter.builder("snapdesk.drills.finished").description("Restore drills that ended, by outcome")
        .tag("environment", env.id()).tag("outcome", tag(outcome)).register(registry);
  }

  private static String tag(DrillOutcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}
