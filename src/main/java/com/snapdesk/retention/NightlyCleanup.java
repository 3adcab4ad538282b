package com.snapdesk.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every node looks every {@code snapdesk.data-retention.check-interval}; inside the window the one that gets the
 * lock removes what is due, the others skip. Counts go to {@code snapdesk_retention_rows_removed_total{kind}} and
 * {@code snapdesk_retention_rows_anonymised_total{kind}}, per node (add them up with {@code sum()}).
 */
@Component
class NightlyCleanup {

  private static final Logger log = LoggerFactory.getLogger(NightlyCleanup.class);

  private final PurgeExpiredData purge;
  private final Map<RetainedData, Counter> counters = new EnumMap<>(RetainedData.class);

  NightlyCleanup(PurgeExpiredData purge, MeterRegistry registry) {
    this.purge = purge;
    for (RetainedData kind : RetainedData.values()) {
      String name = kind.anonymised() ? "snapdesk.retention.rows.anonymised" : "snapdesk.retention.rows.removed";
      counters.put(kind, Counter.builder(name).tag("kind", kind.id())
          .description("rows of Snapdesk's own tables past their retention").register(registry));
    }
  }

  @Scheduled(initialDelayString = "${snapdesk.data-retention.check-interval:15m}",
      fixedDelayString = "${snapdesk.data-retention.check-interval:15m}")
  void run() {
    PurgeReport report = purge.runIfDue();
    if (report.outcome() != PurgeReport.Outcome.RAN) return;
    report.rows().forEach((kind, n) -> counters.get(kind).increment(n));
    if (report.total() > 0 || !report.finished()) {
      log.info("Data retention: {} ({}){}", describe(report), purge.window(),
          report.finished() ? "" : "; the window closed, the rest goes next night");
    }
  }

  private static String describe(PurgeReport report) {
    var text = new StringBuilder();
    report.rows().forEach((kind, n) -> {
      if (n == 0) return;
      if (!text.isEmpty()) text.append(", ");
      text.append(n).append(' ').append(kind.id()).append(kind.anonymised() ? " anonymised" : " removed");
    });
    return text.isEmpty() ? "nothing due" : text.toString();
  }
}
