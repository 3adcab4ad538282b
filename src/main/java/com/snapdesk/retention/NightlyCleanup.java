package com.snapdesk.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
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
      log.info("Data retention: {} (window {}){}", describe(report), purge.window(),
          report.finished() ? "" : "; the window closed, the rest goes next night");
    }
  }

  /** "removed tickets=1, ticket-messages=3; anonymised sla-events=4", naming only the kinds that changed. */
  private static String describe(PurgeReport report) {
    var removed = new StringJoiner(", ", "removed ", "").setEmptyValue("");
    var anonymised = new StringJoiner(", ", "anonymised ", "").setEmptyValue("");
    report.rows().forEach((kind, n) -> {
      if (n > 0) (kind.anonymised() ? anonymised : removed).add(kind.id() + "=" + n);
    });
    var text = new StringJoiner("; ").setEmptyValue("nothing due");
    if (removed.length() > 0) text.add(removed.toString());
    if (anonymised.length() > 0) text.add(anonymised.toString());
    return text.toString();
  }
}
