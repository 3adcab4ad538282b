package com.snapdesk.retention;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Snapdesk's own tables as the cleanup sees them. Every method is one short transaction of at most a batch. */
public interface RetentionStore {

  /** Removes up to {@code limit} idempotency keys created before {@code before}; returns how many. */
  int deleteIdempotencyKeysCreatedBefore(Instant before, int limit);

  /** Up to {@code limit} ids of tickets in one of {@code ended} statuses, last changed before {@code before}. */
  List<String> endedTicketsBefore(Collection<String> ended, Instant before, int limit);

  /**
   * Removes these tickets with their messages, events, access tokens and idempotency keys, and anonymises their SLA
   * events, all in one transaction; a ticket that is (no longer) in one of {@code ended} statuses is left alone.
   * Returns the rows touched per kind.
   */
  Map<RetainedData, Integer> purgeTickets(Collection<String> ticketIds, Collection<String> ended);

  /** Removes up to {@code limit} records of mails sent before {@code before}; returns how many. */
  int deleteSentMailBefore(Instant before, int limit);
}
