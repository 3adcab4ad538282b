package com.snapdesk.ticket;

/**
 * Port: the workflow that carries a ticket (a BPMN process in production). The customer's signals throw
 * {@link TicketProcessBusyException} when the process was changing at the same moment; nothing happened then.
 */
public interface TicketProcess {

  /**
   * Starts the process of a ticket just stored; joins the caller's transaction so a failed intake leaves nothing.
   * Takes the ticket as stored rather than its id: the intake has it in hand, and reading it back is a query per
   * submission for nothing.
   */
  void start(Ticket ticket);

  /** The requester proved they read the project contact's mailbox; the request may now be reviewed. */
  void customerVerified(String ticketId, java.time.Instant at);

  /** The customer answered; the agent reviews again with the whole conversation. */
  void customerReplied(String ticketId, String conversation);

  void customerCancelled(String ticketId);

  void customerConfirmed(String ticketId);
}
