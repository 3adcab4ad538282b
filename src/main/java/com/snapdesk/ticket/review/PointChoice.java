package com.snapdesk.ticket.review;

/**
 * One recovery point the agent may pick on the review form, already in words. Advisory only: whatever id the
 * agent sends back is checked against the catalog again ({@link RecordReview}).
 */
public record PointChoice(String label, String value) {}
