package com.snapdesk.ticket;

/** Timeline event types as the API shows them; status changes appear under the status name. */
public final class TimelineEvents {
  public static final String SUBMITTED = "SUBMITTED";
  public static final String RESOLVED = "RESOLVED";
  public static final String EMAIL_SENT = "EMAIL_SENT";
  public static final String REVIEWED = "REVIEWED";
  public static final String RETRIEVED = "RETRIEVED";
  public static final String RETRIEVAL_FAILED = "RETRIEVAL_FAILED";

  private TimelineEvents() {}
}
