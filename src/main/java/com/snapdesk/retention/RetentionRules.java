package com.snapdesk.retention;

import com.snapdesk.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What may go at a given moment. Only an ended ticket is ever purged, however old an open one is: a ticket waiting
 * half a year in an incident is still somebody's request.
 */
public record RetentionRules(Duration idempotencyKeys, Duration endedTickets, Duration sentMail) {

  public RetentionRules {
    for (Duration d : List.of(idempotencyKeys, endedTickets, sentMail)) {
      if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("retention must be positive");
    }
  }

  /** The statuses a ticket ends in; no other status is ever purged. */
  public static List<TicketStatus> endedStatuses() {
    return Arrays.stream(TicketStatus.values()).filter(TicketStatus::isFinal).toList();
  }

  /** Idempotency keys created before this are removed. */
  public Instant idempotencyKeysCreatedBefore(Instant now) {
    return now.minus(idempotencyKeys);
  }

  /** Ended tickets last changed (that is, ended) before this are purged. */
  public Instant ticketsEndedBefore(Instant now) {
    return now.minus(endedTickets);
  }

  /** Records of mails sent before this are removed. */
  public Instant mailSentBefore(Instant now) {
    return now.minus(sentMail);
  }

  /** Whether a ticket in {@code status}, last changed at {@code endedAt}, is purged at {@code now}. */
  public boolean purges(TicketStatus status, Instant endedAt, Instant now) {
    return status.isFinal() && endedAt.isBefore(ticketsEndedBefore(now));
  }
}
