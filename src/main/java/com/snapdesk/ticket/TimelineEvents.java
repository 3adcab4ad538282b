package com.snapdesk.ticket;

/** Timeline event types as the API shows them; status changes appear under the status name. */
public final class TimelineEvents {
  public static final String SUBMITTED = "SUBMITTED";
  public static final String VERIFIED = "VERIFIED";
  public static final String VERIFICATION_EXPIRED = "VERIFICATION_EXPIRED";
  public static final String RESOLVED = "RESOLVED";
  public static final String EMAIL_SENT = "EMAIL_SENT";
  public static final String REVIEWED = "REVIEWED";
  public static final String RETRIEVING = "RETRIEVING";
  public static final String RETRIEVED = "RETRIEVED";
  public static final String RETRIEVAL_FAILED = "RETRIEVAL_FAILED";
  public static final String ASKED = "ASKED";
  public static final String REPLIED = "REPLIED";
  public static final String LEAD_REVIEWED = "LEAD_REVIEWED";
  public static final String CANCEL_REQUESTED = "CANCEL_REQUESTED";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String CLEANED_UP = "CLEANED_UP";
  public static final String REMINDED = "REMINDED";
  public static final String ESCALATED = "ESCALATED";

  private TimelineEvents() {}
}
