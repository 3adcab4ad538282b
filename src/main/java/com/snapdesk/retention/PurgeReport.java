package com.snapdesk.retention;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one call of the cleanup did.
 *
 * @param outcome whether it ran, and if not, why
 * @param rows rows removed (or, for {@link RetainedData#SLA_EVENTS}, anonymised) per kind; every kind present
 * @param finished false when the window closed before everything due was done (the rest goes the next night)
 */
public record PurgeReport(Outcome outcome, Map<RetainedData, Long> rows, boolean finished) {

  public enum Outcome { RAN, OUTSIDE_WINDOW, ANOTHER_NODE_RUNS }

  public PurgeReport {
    var all = new EnumMap<RetainedData, Long>(RetainedData.class);
    for (RetainedData kind : RetainedData.values()) all.put(kind, rows.getOrDefault(kind, 0L));
    rows = Collections.unmodifiableMap(all);
  }

  static PurgeReport skipped(Outcome why) {
    return new PurgeReport(why, Map.of(), true);
  }

  public long rows(RetainedData kind) {
    return rows.get(kind);
  }

  public long total() {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
