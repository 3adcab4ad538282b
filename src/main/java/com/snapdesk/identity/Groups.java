package com.snapdesk.identity;

/** Camunda groups Snapdesk relies on, in one place: the BPMN candidate groups use the same ids (BpmnIdsTest). */
public final class Groups {
  public static final String SUPPORT_AGENTS = "support-agents";
  public static final String SUPPORT_LEADS = "support-leads";
  public static final String MANAGERS = "managers";

  private Groups() {}
}
