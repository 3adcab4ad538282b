package com.snapdesk.ticket.intake;

import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.TicketStatus;

/** What the customer gets back once, right after submitting. */
public record SubmittedTicket(String ticketId, String accessToken, TicketStatus status, RequestedMoment moment,
                              String statusUrl, boolean replayed) {}
