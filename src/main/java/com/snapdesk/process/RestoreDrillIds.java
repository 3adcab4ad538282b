package com.snapdesk.process;

/** Ids and variables of bpmn/restore-drill.bpmn that code and tests name; apart from the ticket model's. */
public final class RestoreDrillIds {
  public static final String PROCESS = "RestoreDrill";

  public static final String START_DRILL_SCHEDULED = "StartEvent_DrillScheduled";
  public static final String EVENT_START_TIME_REACHED = "Event_StartTimeReached";
  public static final String SUBPROCESS_RETRIEVE_AND_VALIDATE = "SubProcess_RetrieveAndValidate";
  public static final String START_DRILL_STARTED = "StartEvent_DrillStarted";
  public static final String TASK_CHOOSE_RECOVERY_POINT = "Task_ChooseRecoveryPoint";
  public static final String GATEWAY_TO_RETRIEVAL = "Gateway_ToDrillRetrieval";
  public static final String TASK_RETRIEVE_INTO_DRILL_LOCATION = "Task_RetrieveIntoDrillLocation";
  public static final String GATEWAY_DATA_READY = "Gateway_DrillDataReady";
  public static final String EVENT_WAIT_BEFORE_NEXT_CHECK = "Event_WaitBeforeNextDrillCheck";
  public static final String TASK_VALIDATE_RETRIEVED_DATA = "Task_ValidateRetrievedData";
  public static final String END_DATA_VALIDATED = "EndEvent_DataValidated";
  public static final String BOUNDARY_DRILL_FAILED = "BoundaryEvent_DrillFailed";
  public static final String BOUNDARY_DRILL_TIMED_OUT = "BoundaryEvent_DrillTimedOut";
  public static final String TASK_RECORD_DRILL_PASSED = "Task_RecordDrillPassed";
  public static final String TASK_CLEAN_UP_DRILL = "Task_CleanUpDrill";
  public static final String END_DRILL_PASSED = "EndEvent_DrillPassed";
  public static final String TASK_RECORD_DRILL_FAILED = "Task_RecordDrillFailed";
  public static final String TASK_RECORD_DRILL_TIMED_OUT = "Task_RecordDrillTimedOut";
  public static final String GATEWAY_DRILL_FAILURE = "Gateway_DrillFailure";
  public static final String TASK_CLEAN_UP_FAILED_DRILL = "Task_CleanUpFailedDrill";
  public static final String TASK_ALERT_SUPPORT_LEADS = "Task_AlertSupportLeads";
  public static final String TASK_REPORT_DRILL_INCIDENT = "Task_ReportDrillIncident";
  public static final String END_DRILL_FAILED = "EndEvent_DrillFailed";

  public static final String ERROR_DRILL_FAILED = "RESTORE_DRILL_FAILED";

  // variables
  public static final String DRILL_ID = "drillId";
  public static final String DRILL_START_AT = "drillStartAt";
  public static final String PINNED_RECOVERY_POINT_ID = "pinnedRecoveryPointId";
  public static final String DRILL_TIMEOUT = "drillTimeout";
  public static final String DRILL_POLL_INTERVAL = "drillPollInterval";
  public static final String DRILL_RECOVERY_POINT_ID = "drillRecoveryPointId";
  public static final String DRILL_DATA_READY = "drillDataReady";
  public static final String DRILL_VALIDATION = "drillValidation";
  public static final String DRILL_FAILURE = "drillFailure";
  /** Set by an operator who investigated a failed drill; retrying the incident's job then ends the drill. */
  public static final String DRILL_FAILURE_ACKNOWLEDGED = "drillFailureAcknowledged";

  private RestoreDrillIds() {}
}
