package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetentionRulesTest {

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
  final RetentionRules rules = DataRetentionProperties.defaults().rules();

  @ParameterizedTest(name = "{0}, ended {1} days ago: purged = {2}")
  @CsvSource({
      "CLOSED, 181, true",
      "REJECTED, 181, true",
      "CANCELLED, 181, true",
      "CLOSED, 179, false",
      "CANCELLED, 180, false",
  })
  void purgesEndedTicketsOnceTheRetentionHasPassed(TicketStatus status, int daysAgo, boolean purged) {
    // given an ended ticket, last changed so many days ago; when the default rules judge it
    // then it goes only after 180 days
    assertThat(rules.purges(status, NOW.minus(Duration.ofDays(daysAgo)), NOW)).isEqualTo(purged);
  }

  @ParameterizedTest(name = "{0}, unchanged for 1000 days, stays")
  @EnumSource(value = TicketStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"CLOSED", "REJECTED", "CANCELLED"})
  void neverPurgesATicketThatHasNotEnded(TicketStatus open) {
    // given a ticket in any other status (also ones added later), however old: it stays
    assertThat(rules.purges(open, NOW.minus(Duration.ofDays(1000)), NOW)).isFalse();
  }

  @Test
  void endedStatusesAreTheTicketsFinalOnes() {
    assertThat(RetentionRules.endedStatuses())
        .containsExactlyInAnyOrder(TicketStatus.CLOSED, TicketStatus.REJECTED, TicketStatus.CANCELLED)
        .allMatch(TicketStatus::isFinal);
  }

  @Test
  void cutOffsAreNowMinusEachKindsRetention() {
    assertThat(rules.idempotencyKeysCreatedBefore(NOW)).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
    assertThat(rules.ticketsEndedBefore(NOW)).isEqualTo(NOW.minus(Duration.ofDays(180)));
    assertThat(rules.mailSentBefore(NOW)).isEqualTo(NOW.minus(Duration.ofDays(180)));
  }

  @Test
  void refusesARetentionThatIsNotPositive() {
    assertThatThrownBy(() -> new RetentionRules(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
