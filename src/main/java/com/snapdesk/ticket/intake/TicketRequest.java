package com.snapdesk.ticket.intake;

/** A request exactly as the customer typed it (API body or portal form); nothing is trusted yet. */
public record TicketRequest(
    String customerEmail,
    String customerName,
    String projectId,
    String environment,
    String requestedDate,
    String requestedTime,
    String timezone,
    String utcOffset,
    String scope,
    String policy,
    String reason) {}
