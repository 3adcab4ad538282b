package com.snapdesk.process;

import com.snapdesk.ticket.review.RecordReview;
import java.util.Set;

/** Process variable names. The forms (bpmn/forms/*.form) and the DMN table bind to the same keys. */
public final class VariableNames {
  public static final String TICKET_ID = "ticketId";
  /** When the customer submitted the ticket: its SLA clocks count from then. */
  public static final String SUBMITTED_AT = "submittedAt";
  public static final String ELIGIBLE = "eligible";
  /** Whether the requester is a registered contact: only contacts are ever emailed. */
  public static final String REQUESTER_IS_CONTACT = "requesterIsContact";
  /**
   * Transient, set at resolution from the ticket's status for Gateway_RequesterVerified: imported tickets were
   * verified before they reached this desk.
   */
  public static final String REQUESTER_VERIFIED = "requesterVerified";
  /** When the requester confirmed the request from their mailbox: the SLA clocks count from then. */
  public static final String VERIFIED_AT = "verifiedAt";
  public static final String POINT_FOUND = "pointFound";
  /** Input parameter of the mail tasks in model versions before the kind became the delegate expression's argument. */
  public static final String MAIL_KIND = "mailKind";
  public static final String SLA_CLOCK = "slaClock";
  public static final String REVIEW_ROUND = "reviewRound";
  public static final String ESCALATED = "escalated";

  // timer settings written by the staff decisions before their timers (ISO-8601 durations; RecordedVariables)
  public static final String REPLY_TIMEOUT = "replyTimeout";
  public static final String REPLY_REMINDER_AFTER = "replyReminderAfter";
  public static final String RETRIEVAL_POLL_INTERVAL = "retrievalPollInterval";

  // shown on the forms
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
  public static final String CONVERSATION = "conversation";
  public static final String CHOSEN_POINT = "chosenPoint";
  public static final String REVIEWED_BY = "reviewedBy";
  public static final String REVIEW_NOTE = "reviewNote";
  public static final String LEAD_REASON = "leadReason";

  // set by the agent when completing Task_ReviewRequest (and the lead on Task_LeadApproval)
  public static final String DECISION = "decision";
  public static final String DECISION_NOTE = "decisionNote";
  public static final String RECOVERY_POINT_ID = "recoveryPointId";
  /**
   * The review form's choice of points for {@link #RECOVERY_POINT_ID}: a Json list of {label, value}, set from the
   * catalog when each review task starts. Advisory: the chosen id is checked again on completion.
   */
  public static final String RECOVERY_POINT_OPTIONS = "recoveryPointOptions";

  // inputs of the ApprovalPolicy decision
  public static final String ENVIRONMENT = "environment";
  public static final String POINT_AGE_DAYS = "pointAgeDays";
  public static final String POINT_OVERRIDDEN = "pointOverridden";
  public static final String LEAD_REQUIRED = "leadRequired";

  // retrieval
  public static final String RETRIEVAL_READY = "retrievalReady";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String EXPIRY_REMINDER_AT = "expiryReminderAt";

  /**
   * What the review and lead forms show, copied from the ticket record (ReviewSheetVariables, ReviewPointChoices,
   * RecordedVariables) and written again at every decision. They stay process variables, because the forms bind
   * to them, but not Camunda history (HistoryWithoutDisplayCopies): the ticket's own tables and timeline are the
   * record, history would keep second copies of the customer's name and reason for the history time to live, and
   * every write cost two history rows per field.
   */
  public static final Set<String> DISPLAY_COPIES = Set.of(CUSTOMER, PROJECT, REQUESTED_LOCAL, REQUESTED_UTC,
      INTERPRETATION_NOTE, BEFORE_POINT, AFTER_POINT, RESOLVED_POINT, RESOLVED_RECOVERY_POINT_ID, RESOLUTION_NOTE,
      REASON, RECOVERY_POINT_OPTIONS, CHOSEN_POINT, REVIEWED_BY);

  public static final String DECISION_APPROVE = RecordReview.APPROVE;
  public static final String DECISION_REJECT = RecordReview.REJECT;
  public static final String DECISION_ASK_CUSTOMER = RecordReview.ASK_CUSTOMER;

  private VariableNames() {}
}
