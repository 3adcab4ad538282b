package com.snapdesk.config;

/** Camunda groups Snapdesk relies on; the BPMN candidate groups use the same ids. */
public final class SnapdeskGroups {
  public static final String SUPPORT_AGENTS = "support-agents";
  public static final String SUPPORT_LEADS = "support-leads";
  public static final String MANAGERS = "managers";

  private SnapdeskGroups() {}
}
