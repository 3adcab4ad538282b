package com.snapdesk.drill;

/** Port: the workflow engine runs each drill (bpmn/restore-drill.bpmn). */
public interface DrillProcess {

  /** Starts the drill's process; it waits until {@link RestoreDrill#startAt()}. */
  void start(RestoreDrill drill, String pinnedRecoveryPointId);
}
