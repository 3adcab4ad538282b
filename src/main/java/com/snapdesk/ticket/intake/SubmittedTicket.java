package com.snapdesk.ticket.intake;

import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.TicketStatus;

/**
 * What the submitter gets back: the same for every request, whether or not the project exists or the address is
 * one of its contacts (that is found out later, in the process), and no token: the status link goes to the
 * requester's mailbox only.
 */
public record SubmittedTicket(String ticketId, TicketStatus status, RequestedMoment moment, boolean replayed) {}
