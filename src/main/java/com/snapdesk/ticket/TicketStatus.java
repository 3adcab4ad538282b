package com.snapdesk.ticket;

/** What the customer sees of their ticket. */
public enum TicketStatus {
  /** Submitted; the requester has not yet confirmed it from the contact's mailbox. */
  AWAITING_VERIFICATION,
  RECEIVED,
  AWAITING_APPROVAL,
  AWAITING_CUSTOMER,
  RETRIEVING,
  READY,
  CLOSED,
  REJECTED,
  CANCELLED;

  public boolean isFinal() {
    return this == CLOSED || this == REJECTED || this == CANCELLED;
  }
}
