package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionRulesTest {

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
  final RetentionRules rules = DataRetentionProperties.defaults().rules();

  @ParameterizedTest(name = "{0}, last changed {1} days ago: purged = {2}")
  @CsvSource({
      "CLOSED, 181, true",
      "REJECTED, 181, true",
      "CANCELLED, 181, true",
      "CLOSED, 179, false",
      "CANCELLED, 180, false",
      // open tickets stay, however old
      "RECEIVED, 1000, false",
      "AWAITING_APPROVAL, 1000, false",
      "AWAITING_CUSTOMER, 1000, false",
      "RETRIEVING, 1000, false",
      "READY, 1000, false",
  })
  void purgesOnlyTicketsThatEndedLongerAgoThanTheRetention(TicketStatus status, int daysAgo, boolean purged) {
    // given a ticket in that status, last changed so many days ago; when the default rules judge it
    // then only an ended ticket older than 180 days goes
    assertThat(rules.purges(status, NOW.minus(Duration.ofDays(daysAgo)), NOW)).isEqualTo(purged);
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
