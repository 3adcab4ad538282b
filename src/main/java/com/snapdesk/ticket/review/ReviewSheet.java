package com.snapdesk.ticket.review;

/** What the agent sees on the review form, already in words; nothing here is trusted markup. */
public record ReviewSheet(
    String ticketId,
    boolean pointFound,
    boolean requesterVerified,
    String customer,
    String project,
    String scope,
    String requestedLocal,
    String requestedUtc,
    String interpretationNote,
    String beforePoint,
    String afterPoint,
    String resolvedPoint,
    String resolvedPointId,
    String resolutionNote,
    String reason) {}
