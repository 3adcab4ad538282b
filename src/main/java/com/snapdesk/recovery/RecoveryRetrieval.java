package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Project;
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

  /**
   * @param requestedBy whom the ticket's emails go to; a backend that hands out download links gives them only to
   *     a registered contact of the project (null: nobody, so data stays on the environment's own node)
   */
  record RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                          RecoveryPoint point, Scope scope, String requestedBy) {

    public RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                            RecoveryPoint point, Scope scope) {
      this(ticketId, recoveryId, project, environment, point, scope, null);
    }

    /** Whether a link to the data may be handed to the requester. */
    public boolean requesterIsContact() {
      return project != null && project.isContact(requestedBy);
    }
  }

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
