package com.snapdesk.recovery;

import java.time.Instant;

/**
 * Port: makes a recovery point's data available to the customer without restoring anything.
 * Every call is idempotent per recoveryId: a retried job may call it twice.
 */
public interface RecoveryRetrieval {

  /** Starts (or continues) retrieval; answers whether the data is ready or when to look again. */
  RetrievalProgress retrieve(RetrievalRequest request);

  /** Removes what retrieval created for this recoveryId; safe to run twice or after a crash. */
  void cleanup(String recoveryId);

  record RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                          RecoveryPoint point, Scope scope) {}

  /**
   * Either ready with a location, or in progress with a reason the customer can read. {@code archiveRestore}
   * marks a wait on the archive tier (up to 72 h), which does not count against support's SLA.
   */
  record RetrievalProgress(boolean ready, String location, String node, String device,
                           String waitingReason, boolean archiveRestore, Instant retrievedAt) {

    public static RetrievalProgress ready(String location, String node, String device, Instant at) {
      return new RetrievalProgress(true, location, node, device, null, false, at);
    }

    public static RetrievalProgress inProgress(String reason) {
      return new RetrievalProgress(false, null, null, null, reason, false, null);
    }

    public static RetrievalProgress restoringFromArchive(String reason) {
      return new RetrievalProgress(false, null, null, null, reason, true, null);
    }
  }
}
