package com.snapdesk.ticket;

/**
 * The ticket's process was moving on at the same moment (a background step finished concurrently), so the
 * customer's action was not taken. Nothing changed; the same action can simply be tried again.
 */
public class TicketProcessBusyException extends RuntimeException {
  public TicketProcessBusyException(String ticketId, Throwable cause) {
    super("The process of ticket " + ticketId + " moved on concurrently; try again", cause);
  }
}
