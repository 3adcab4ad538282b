package com.snapdesk.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The nightly cleanup of Snapdesk's own tables: inside the window, on one node at a time, in batches of
 * {@code batchSize} rows per transaction, stopping when the window closes. Time is the app's clock (the engine's),
 * so tests move it.
 */
public class PurgeExpiredData {

  private final RetentionStore store;
  private final RunLock lock;
  private final RetentionRules rules;
  private final CleanupWindow window;
  private final int batchSize;
  private final Clock clock;

  public PurgeExpiredData(RetentionStore store, RunLock lock, RetentionRules rules, CleanupWindow window,
                          int batchSize, Clock clock) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
    this.store = store;
    this.lock = lock;
    this.rules = rules;
    this.window = window;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  public CleanupWindow window() {
    return window;
  }

  /** Removes what is due, if the window is open and no other node is at it. */
  public PurgeReport runIfDue() {
    if (!window.contains(clock.instant())) return PurgeReport.skipped(PurgeReport.Outcome.OUTSIDE_WINDOW);
    var held = lock.tryAcquire();
    if (held.isEmpty()) return PurgeReport.skipped(PurgeReport.Outcome.ANOTHER_NODE_RUNS);
    try (var ignored = held.get()) {
      return purge();
    }
  }

  private PurgeReport purge() {
    // Cut-offs are fixed at the start, so a long night does not chase its own tail.
    Instant now = clock.instant();
    Map<RetainedData, Long> rows = new EnumMap<>(RetainedData.class);
    boolean finished = inBatches(rows, RetainedData.IDEMPOTENCY_KEYS,
        () -> store.deleteIdempotencyKeysCreatedBefore(rules.idempotencyKeysCreatedBefore(now), batchSize));
    finished = finished && purgeEndedTickets(rows, rules.ticketsEndedBefore(now));
    finished = finished && inBatches(rows, RetainedData.SENT_MAIL,
        () -> store.deleteSentMailBefore(rules.mailSentBefore(now), batchSize));
    return new PurgeReport(PurgeReport.Outcome.RAN, rows, finished);
  }

  private boolean inBatches(Map<RetainedData, Long> rows, RetainedData kind, Supplier<Integer> batch) {
    while (windowOpen()) {
      int n = batch.get();
      rows.merge(kind, (long) n, Long::sum);
      if (n < batchSize) return true;
    }
    return false;
  }

  private boolean purgeEndedTickets(Map<RetainedData, Long> rows, Instant endedBefore) {
    List<String> ended = RetentionRules.endedStatuses().stream().map(Enum::name).toList();
    while (windowOpen()) {
      List<String> ids = store.endedTicketsBefore(ended, endedBefore, batchSize);
      if (!ids.isEmpty()) {
        store.purgeTickets(ids, ended).forEach((kind, n) -> rows.merge(kind, (long) n, Long::sum));
      }
      if (ids.size() < batchSize) return true;
    }
    return false;
  }

  private boolean windowOpen() {
    return window.contains(clock.instant());
  }
}
