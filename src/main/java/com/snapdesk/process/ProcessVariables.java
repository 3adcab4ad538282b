package com.snapdesk.process;

/** Process variable names. The review form (bpmn/forms/review-request.form) binds to the same keys. */
public final class ProcessVariables {
  public static final String TICKET_ID = "ticketId";
  public static final String ELIGIBLE = "eligible";
  public static final String POINT_FOUND = "pointFound";
  public static final String MAIL_KIND = "mailKind";

  // shown on the review form
  public static final String CUSTOMER = "customer";
  public static final String PROJECT = "project";
  public static final String SCOPE = "scope";
  public static final String REQUESTED_LOCAL = "requestedLocal";
  public static final String REQUESTED_UTC = "requestedUtc";
  public static final String INTERPRETATION_NOTE = "interpretationNote";
  public static final String BEFORE_POINT = "beforePoint";
  public static final String AFTER_POINT = "afterPoint";
  public static final String RESOLVED_POINT = "resolvedPoint";
  public static final String RESOLVED_RECOVERY_POINT_ID = "resolvedRecoveryPointId";
  public static final String RESOLUTION_NOTE = "resolutionNote";
  public static final String REASON = "reason";
  public static final String RETRIEVAL_PROBLEM = "retrievalProblem";

  // set by the agent when completing Task_ReviewRequest
  public static final String DECISION = "decision";
  public static final String DECISION_NOTE = "decisionNote";
  public static final String RECOVERY_POINT_ID = "recoveryPointId";

  public static final String DECISION_APPROVE = com.snapdesk.ticket.ReviewRecording.APPROVE;
  public static final String DECISION_REJECT = com.snapdesk.ticket.ReviewRecording.REJECT;

  private ProcessVariables() {}
}
