package com.snapdesk.sla;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: the customer-visible status of tickets, as names ({@code AWAITING_APPROVAL}, ...), for the
 * dashboard and the gauges. Implemented next to the ticket table, so SLA code never reads it itself.
 */
public interface TicketStatusLookup {

  /** The status of each ticket found; unknown ids are absent. */
  Map<String, String> statusOf(Collection<String> ticketIds);

  /** The statuses that are not final, in the order a ticket passes them. */
  List<String> openStatuses();

  /** How many tickets are in each status that is not final (not closed, rejected or cancelled). */
  Map<String, Long> openByStatus();
}
