package com.snapdesk.process;

/** Ids in bpmn/backup-retrieval.bpmn that code and tests name. One place, so a rename is one change. */
public final class BpmnIds {
  public static final String PROCESS = "BackupRetrieval";
  public static final String DECISION_APPROVAL_POLICY = "ApprovalPolicy";

  public static final String START_TICKET_SUBMITTED = "StartEvent_TicketSubmitted";
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
  public static final String TASK_RESOLVE_RECOVERY_POINT = "Task_ResolveRecoveryPoint";
  public static final String GATEWAY_POINT_FOUND = "Gateway_PointFound";
  public static final String END_DECLINED_WITHOUT_MAIL = "EndEvent_DeclinedWithoutMail";
  public static final String GATEWAY_REQUESTER_VERIFIED = "Gateway_RequesterVerified";
  public static final String TASK_SEND_VERIFICATION_REQUEST = "Task_SendVerificationRequest";
  public static final String TASK_AWAIT_VERIFICATION = "Task_AwaitVerification";
  public static final String BOUNDARY_VERIFICATION_TIMEOUT = "BoundaryEvent_VerificationTimeout";
  public static final String END_CLOSED_UNVERIFIED = "EndEvent_ClosedUnverified";
  public static final String GATEWAY_REQUEST_CONFIRMED = "Gateway_RequestConfirmed";
  public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
  public static final String TASK_REVIEW_REQUEST = "Task_ReviewRequest";
  public static final String BOUNDARY_FIRST_RESPONSE_AT_RISK = "BoundaryEvent_FirstResponseAtRisk";
  public static final String TASK_ESCALATE_FIRST_RESPONSE = "Task_EscalateFirstResponse";
  public static final String END_REVIEW_ESCALATED = "EndEvent_ReviewEscalated";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String TASK_SEND_QUESTION = "Task_SendQuestion";
  public static final String TASK_AWAIT_REPLY = "Task_AwaitReply";
  public static final String BOUNDARY_REPLY_REMINDER_DUE = "BoundaryEvent_ReplyReminderDue";
  public static final String TASK_SEND_REPLY_REMINDER = "Task_SendReplyReminder";
  public static final String END_REPLY_REMINDER_SENT = "EndEvent_ReplyReminderSent";
  public static final String BOUNDARY_NO_REPLY = "BoundaryEvent_NoReply";
  public static final String TASK_SEND_CLOSED_NO_REPLY = "Task_SendClosedNoReply";
  public static final String END_CLOSED_NO_REPLY = "EndEvent_ClosedNoReply";
  public static final String TASK_EVALUATE_APPROVAL_POLICY = "Task_EvaluateApprovalPolicy";
  public static final String GATEWAY_LEAD_REQUIRED = "Gateway_LeadRequired";
  public static final String TASK_LEAD_APPROVAL = "Task_LeadApproval";
  public static final String BOUNDARY_DELIVERY_AT_RISK = "BoundaryEvent_DeliveryAtRisk";
  public static final String TASK_ESCALATE_DELIVERY = "Task_EscalateDelivery";
  public static final String GATEWAY_LEAD_DECISION = "Gateway_LeadDecision";
  public static final String GATEWAY_TO_RETRIEVAL = "Gateway_ToRetrieval";
  public static final String TASK_RETRIEVE_RECOVERY_POINT = "Task_RetrieveRecoveryPoint";
  public static final String BOUNDARY_POINT_UNAVAILABLE = "BoundaryEvent_PointUnavailable";
  public static final String TASK_REFRESH_RESOLUTION = "Task_RefreshResolution";
  public static final String GATEWAY_RETRIEVAL_READY = "Gateway_RetrievalReady";
  public static final String EVENT_WAIT_BEFORE_NEXT_CHECK = "Event_WaitBeforeNextCheck";
  public static final String TASK_SEND_RESTORE_INSTRUCTIONS = "Task_SendRestoreInstructions";
  public static final String TASK_AWAIT_CONFIRMATION = "Task_AwaitConfirmation";
  public static final String BOUNDARY_EXPIRY_REMINDER_DUE = "BoundaryEvent_ExpiryReminderDue";
  public static final String TASK_SEND_EXPIRY_REMINDER = "Task_SendExpiryReminder";
  public static final String BOUNDARY_DATA_EXPIRED = "BoundaryEvent_DataExpired";
  public static final String TASK_CLEAN_UP_RETRIEVED_DATA = "Task_CleanUpRetrievedData";
  public static final String TASK_SEND_CLOSURE = "Task_SendClosure";
  public static final String END_CLOSED = "EndEvent_Closed";
  public static final String GATEWAY_TO_REJECTION = "Gateway_ToRejection";
  public static final String TASK_SEND_REJECTION = "Task_SendRejection";
  public static final String END_REJECTED = "EndEvent_Rejected";
  public static final String START_CUSTOMER_CANCELLED = "StartEvent_CustomerCancelled";
  public static final String TASK_CLEAN_UP_CANCELLED = "Task_CleanUpCancelled";
  public static final String TASK_SEND_CANCELLATION = "Task_SendCancellation";
  public static final String END_CANCELLED = "EndEvent_Cancelled";

  public static final String MESSAGE_CUSTOMER_VERIFIED = "CustomerVerified";
  public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";
  public static final String MESSAGE_CUSTOMER_CANCELLED = "CustomerCancelled";
  public static final String MESSAGE_CUSTOMER_CONFIRMED = "CustomerConfirmed";

  public static final String FORM_REVIEW_REQUEST = "Form_ReviewRequest";
  public static final String FORM_LEAD_APPROVAL = "Form_LeadApproval";
  public static final String ERROR_POINT_UNAVAILABLE = "RECOVERY_POINT_UNAVAILABLE";

  /** The tasks that send email: their failures wait for the mail server (MailOutageRecovery). */
  public static final java.util.Set<String> MAIL_TASKS = java.util.Set.of(TASK_SEND_VERIFICATION_REQUEST,
      TASK_SEND_QUESTION, TASK_SEND_REPLY_REMINDER, TASK_SEND_CLOSED_NO_REPLY, TASK_ESCALATE_FIRST_RESPONSE,
      TASK_ESCALATE_DELIVERY, TASK_SEND_RESTORE_INSTRUCTIONS, TASK_SEND_EXPIRY_REMINDER, TASK_SEND_CLOSURE,
      TASK_SEND_REJECTION, TASK_SEND_CANCELLATION);

  private BpmnIds() {}
}
