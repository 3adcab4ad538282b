package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PurgeExpiredDataTest {

  static final Instant IN_WINDOW = Instant.parse("2026-11-26T01:30:00Z");
  static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");

  final MutableClock clock = new MutableClock(IN_WINDOW);
  final FakeStore store = new FakeStore();
  boolean lockFree = true;
  final RunLock lock = () -> lockFree ? Optional.of(() -> { }) : Optional.empty();

  PurgeExpiredData purge(int batchSize) {
    return new PurgeExpiredData(store, lock, DataRetentionProperties.defaults().rules(),
        CleanupWindow.parse("01:00", "05:00", ZoneOffset.UTC), batchSize, clock);
  }

  @Test
  void doesNothingOutsideTheWindow() {
    // given plenty due, at noon
    store.idempotencyKeys = 10;
    clock.set(NOON);
    // when the job runs, then it touches nothing
    PurgeReport report = purge(3).runIfDue();
    assertThat(report.outcome()).isEqualTo(PurgeReport.Outcome.OUTSIDE_WINDOW);
    assertThat(store.calls).isEmpty();
  }

  @Test
  void doesNothingWhileAnotherNodeHoldsTheLock() {
    lockFree = false;
    PurgeReport report = purge(3).runIfDue();
    assertThat(report.outcome()).isEqualTo(PurgeReport.Outcome.ANOTHER_NODE_RUNS);
    assertThat(store.calls).isEmpty();
  }

  @Test
  void removesEverythingDueInBoundedBatches() {
    // given 7 idempotency keys, 5 ended tickets and 4 mails due, in batches of 3
    store.idempotencyKeys = 7;
    store.tickets = 5;
    store.mails = 4;
    PurgeReport report = purge(3).runIfDue();
    // then each kind goes in batches of at most 3, until a batch comes back short
    assertThat(report.finished()).isTrue();
    assertThat(report.rows(RetainedData.IDEMPOTENCY_KEYS)).isEqualTo(7);
    assertThat(report.rows(RetainedData.TICKETS)).isEqualTo(5);
    assertThat(report.rows(RetainedData.SLA_EVENTS)).isEqualTo(10);
    assertThat(report.rows(RetainedData.SENT_MAIL)).isEqualTo(4);
    assertThat(store.batchSizes).allMatch(n -> n <= 3);
    // and the cut-offs are the retention before the start of the run
    assertThat(store.cutOffs).contains(IN_WINDOW.minus(Duration.ofHours(24)), IN_WINDOW.minus(Duration.ofDays(180)));
  }

  @Test
  void stopsWhenTheWindowClosesAndLeavesTheRestForTheNextNight() {
    // given many keys due, and each batch taking an hour
    store.idempotencyKeys = 100;
    store.eachBatchTakes = Duration.ofHours(1);
    PurgeReport report = purge(10).runIfDue();
    // then it stops at 05:00: batches at 01:30, 02:30, 03:30, 04:30
    assertThat(report.finished()).isFalse();
    assertThat(report.rows(RetainedData.IDEMPOTENCY_KEYS)).isEqualTo(40);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-26T05:30:00Z"));
  }

  /** Counts down what is due; records each call. */
  final class FakeStore implements RetentionStore {
    int idempotencyKeys;
    int tickets;
    int mails;
    Duration eachBatchTakes = Duration.ZERO;
    final List<String> calls = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final List<Instant> cutOffs = new ArrayList<>();

    private int take(String call, Instant before, int due, int limit) {
      calls.add(call);
      cutOffs.add(before);
      clock.advance(eachBatchTakes);
      int n = Math.min(due, limit);
      batchSizes.add(n);
      return n;
    }

    @Override
    public int deleteIdempotencyKeysCreatedBefore(Instant before, int limit) {
      int n = take("keys", before, idempotencyKeys, limit);
      idempotencyKeys -= n;
      return n;
    }

    @Override
    public List<String> endedTicketsBefore(Collection<String> ended, Instant before, int limit) {
      assertThat(ended).containsExactlyInAnyOrder("CLOSED", "REJECTED", "CANCELLED");
      int n = take("tickets", before, tickets, limit);
      return java.util.stream.IntStream.range(0, n).mapToObj(i -> "SD-" + i).toList();
    }

    @Override
    public Map<RetainedData, Integer> purgeTickets(Collection<String> ticketIds, Collection<String> ended) {
      tickets -= ticketIds.size();
      return Map.of(RetainedData.TICKETS, ticketIds.size(), RetainedData.SLA_EVENTS, 2 * ticketIds.size());
    }

    @Override
    public int deleteSentMailBefore(Instant before, int limit) {
      int n = take("mail", before, mails, limit);
      mails -= n;
      return n;
    }
  }
}
