package com.snapdesk.process;

/** Ids in bpmn/backup-retrieval.bpmn that code and tests name. One place, so a rename is one change. */
public final class BpmnIds {
  public static final String PROCESS = "BackupRetrieval";

  public static final String START_TICKET_SUBMITTED = "StartEvent_TicketSubmitted";
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
  public static final String TASK_RESOLVE_RECOVERY_POINT = "Task_ResolveRecoveryPoint";
  public static final String GATEWAY_POINT_FOUND = "Gateway_PointFound";
  public static final String TASK_SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
  public static final String GATEWAY_TO_REVIEW = "Gateway_ToReview";
  public static final String TASK_REVIEW_REQUEST = "Task_ReviewRequest";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String TASK_RETRIEVE_RECOVERY_POINT = "Task_RetrieveRecoveryPoint";
  public static final String BOUNDARY_POINT_UNAVAILABLE = "BoundaryEvent_PointUnavailable";
  public static final String TASK_SEND_RESTORE_INSTRUCTIONS = "Task_SendRestoreInstructions";
  public static final String END_READY = "EndEvent_Ready";
  public static final String GATEWAY_TO_REJECTION = "Gateway_ToRejection";
  public static final String TASK_SEND_REJECTION = "Task_SendRejection";
  public static final String END_REJECTED = "EndEvent_Rejected";

  public static final String FORM_REVIEW_REQUEST = "Form_ReviewRequest";
  public static final String ERROR_POINT_UNAVAILABLE = "RECOVERY_POINT_UNAVAILABLE";

  public static final String GROUP_SUPPORT_AGENTS = "support-agents";

  private BpmnIds() {}
}
