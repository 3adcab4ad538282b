package com.snapdesk.process;

import com.snapdesk.ticket.ReviewSheet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Writes what the agent reads on the review form; the form binds to these names. */
final class ReviewSheetVariables {

  private ReviewSheetVariables() {}

  static void write(VariableScope scope, ReviewSheet sheet) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(ProcessVariables.TICKET_ID, sheet.ticketId());
    vars.put(ProcessVariables.CUSTOMER, sheet.customer());
    vars.put(ProcessVariables.PROJECT, sheet.project());
    vars.put(ProcessVariables.SCOPE, sheet.scope());
    vars.put(ProcessVariables.REQUESTED_LOCAL, sheet.requestedLocal());
    vars.put(ProcessVariables.REQUESTED_UTC, sheet.requestedUtc());
    vars.put(ProcessVariables.INTERPRETATION_NOTE, sheet.interpretationNote());
    vars.put(ProcessVariables.BEFORE_POINT, sheet.beforePoint());
    vars.put(ProcessVariables.AFTER_POINT, sheet.afterPoint());
    vars.put(ProcessVariables.RESOLVED_POINT, sheet.resolvedPoint());
    vars.put(ProcessVariables.RESOLVED_RECOVERY_POINT_ID, sheet.resolvedPointId());
    vars.put(ProcessVariables.RESOLUTION_NOTE, sheet.resolutionNote());
    vars.put(ProcessVariables.REASON, sheet.reason());
    scope.setVariables(vars);
  }
}
