package com.snapdesk.ticket;

import java.time.Instant;

/** One message of the agent–customer conversation; the text is the author's, never trusted markup. */
public record TicketMessage(Instant at, Author authorType, String author, String text) {
  public enum Author { AGENT, CUSTOMER }
}
