package com.snapdesk.retention;

/** The kinds of rows the nightly cleanup removes or anonymises; {@link #id()} is the metric's {@code kind} tag. */
public enum RetainedData {
  IDEMPOTENCY_KEYS("idempotency-keys", false),
  TICKETS("tickets", false),
  TICKET_MESSAGES("ticket-messages", false),
  TICKET_EVENTS("ticket-events", false),
  ACCESS_TOKENS("access-tokens", false),
  SENT_MAIL("sent-mail", false),
  /** Kept for the SLA dashboard's figures; only what points to a customer is blanked. */
  SLA_EVENTS("sla-events", true);

  private final String id;
  private final boolean anonymised;

  RetainedData(String id, boolean anonymised) {
    this.id = id;
    this.anonymised = anonymised;
  }

  public String id() {
    return id;
  }

  /** True when rows of this kind are anonymised rather than removed. */
  public boolean anonymised() {
    return anonymised;
  }
}
