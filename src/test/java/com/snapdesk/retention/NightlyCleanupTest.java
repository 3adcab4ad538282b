package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NightlyCleanupTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsTheRowsRemovedAndAnonymisedPerKind() {
    // given a store with one ended ticket and two old keys due
    RetentionStore store = new RetentionStore() {
      int keys = 2;
      boolean ticket = true;
      @Override public int deleteIdempotencyKeysCreatedBefore(Instant before, int limit) {
        int n = keys;
        keys = 0;
        return n;
      }
      @Override public List<String> endedTicketsBefore(Collection<String> ended, Instant before, int limit) {
        return ticket ? List.of("SD-1") : List.of();
      }
      @Override public Map<RetainedData, Integer> purgeTickets(Collection<String> ids, Collection<String> ended) {
        ticket = false;
        return Map.of(RetainedData.TICKETS, 1, RetainedData.TICKET_MESSAGES, 3, RetainedData.SLA_EVENTS, 4);
      }
      @Override public int deleteSentMailBefore(Instant before, int limit) {
        return 0;
      }
    };
    var purge = new PurgeExpiredData(store, () -> Optional.of(() -> { }), DataRetentionProperties.defaults().rules(),
        CleanupWindow.parse("01:00", "05:00", ZoneOffset.UTC), 100, clock);
    var job = new NightlyCleanup(purge, registry);

    // when the job runs in the window, then the counters say what went, per kind
    job.run();
    assertThat(removed("idempotency-keys")).isEqualTo(2);
    assertThat(removed("tickets")).isEqualTo(1);
    assertThat(removed("ticket-messages")).isEqualTo(3);
    assertThat(removed("sent-mail")).isZero();
    assertThat(registry.get("snapdesk.retention.rows.anonymised").tag("kind", "sla-events").counter().count())
        .isEqualTo(4);
  }

  private double removed(String kind) {
    return registry.get("snapdesk.retention.rows.removed").tag("kind", kind).counter().count();
  }
}
