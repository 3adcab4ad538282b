package com.snapdesk.process;

import com.snapdesk.ticket.review.ReviewSheet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Writes what the agent reads on the review form; the form binds to these names. */
final class ReviewSheetVariables {

  private ReviewSheetVariables() {}

  /** The ticket id and scope are set at start and never change: writing them again is a variable update and its history for nothing. */
  static void write(VariableScope scope, ReviewSheet sheet) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VariableNames.CUSTOMER, sheet.customer());
    vars.put(VariableNames.PROJECT, sheet.project());
    vars.put(VariableNames.REQUESTED_LOCAL, sheet.requestedLocal());
    vars.put(VariableNames.REQUESTED_UTC, sheet.requestedUtc());
    vars.put(VariableNames.INTERPRETATION_NOTE, sheet.interpretationNote());
    vars.put(VariableNames.BEFORE_POINT, sheet.beforePoint());
    vars.put(VariableNames.AFTER_POINT, sheet.afterPoint());
    vars.put(VariableNames.RESOLVED_POINT, sheet.resolvedPoint());
    vars.put(VariableNames.RESOLVED_RECOVERY_POINT_ID, sheet.resolvedPointId());
    vars.put(VariableNames.RESOLUTION_NOTE, sheet.resolutionNote());
    vars.put(VariableNames.REASON, sheet.reason());
    scope.setVariables(vars);
  }
}
