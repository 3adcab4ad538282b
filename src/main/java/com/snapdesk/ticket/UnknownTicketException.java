package com.snapdesk.ticket;

/** A ticket id that does not exist (or, to a customer, one whose token did not match). */
public class UnknownTicketException extends RuntimeException {
  public UnknownTicketException(String ticketId) {
    super("No ticket " + ticketId);
  }
}
