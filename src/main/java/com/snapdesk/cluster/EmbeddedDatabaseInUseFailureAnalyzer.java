package com.snapdesk.cluster;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A second node started on the embedded H2 files (same folder as a running one) fails in whichever bean opens the
 * database first, with a dozen nested causes; this prints what happened and what to do instead.
 */
class EmbeddedDatabaseInUseFailureAnalyzer implements FailureAnalyzer {

  /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1, which is also its SQL state. */
  static final String DATABASE_IN_USE = "90020";

  static final String ACTION = "Stop the other Snapdesk first, or start this one in another folder (or with a"
      + " spring.datasource.url of its own). To run several nodes, put every node on one PostgreSQL"
      + " (SPRING_PROFILES_ACTIVE=postgres; docs/operations.md, \"Nodes\").";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DATABASE_IN_USE.equals(sql.getSQLState())
          && sql.getClass().getName().startsWith("org.h2.")) {
        return new FailureAnalysis(description(sql), ACTION, sql);
      }
    }
    return null;
  }

  private static String description(SQLException inUse) {
    String message = inUse.getMessage();
    int solutions = message.indexOf(" Possible solutions");
    String what = (solutions > 0 ? message.substring(0, solutions) : message).strip();
    if (what.endsWith(".")) what = what.substring(0, what.length() - 1);
    return "The embedded H2 database is open in another process, most likely a Snapdesk already running in this"
        + " folder (" + what + "). The embedded default is single-node: one Snapdesk per data folder.";
  }
}
