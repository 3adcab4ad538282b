package com.snapdesk.ticket;

import java.time.Instant;

/** One line of a ticket's timeline. Actor is a user id or "customer"/"system", never private text. */
public record TicketEvent(Instant at, String type, String actor, String detail) {}
