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
   * @param ticketId    the ticket, or the restore drill, the data is retrieved for
   * @param requestedBy whom the ticket's emails go to; a backend that hands out download links gives them only to
   *     a registered contact of the project (null: nobody, so data stays on the environment's own node)
   * @param target      where the data goes: the customer's environment, or the drill location (never a customer's
   *     node)
   */
  record RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                          RecoveryPoint point, Scope scope, String requestedBy, Target target) {

    public RetrievalRequest {
      if (target == null) target = Target.CUSTOMER_NODE;
    }

    public RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                            RecoveryPoint point, Scope scope, String requestedBy) {
      this(ticketId, recoveryId, project, environment, point, scope, requestedBy, Target.CUSTOMER_NODE);
    }

    public RetrievalRequest(String ticketId, String recoveryId, Project project, Environment environment,
                            RecoveryPoint point, Scope scope) {
      this(ticketId, recoveryId, project, environment, point, scope, null, Target.CUSTOMER_NODE);
    }

    /** A restore drill's retrieval: the whole point, to the drill location, no link to anyone. */
    public static RetrievalRequest drill(String drillId, String recoveryId, Project project, Environment environment,
                                         RecoveryPoint point) {
      return new RetrievalRequest(drillId, recoveryId, project, environment, point, Scope.FULL, null, Target.DRILL);
    }

    /** Whether a link to the data may be handed to the requester. */
    public boolean requesterIsContact() {
      return project != null && project.isContact(requestedBy);
    }
  }

  /**
   * Where retrieved data goes. {@link #DRILL}: a location kept for restore drills (AWS: a configured drill instance,
   * volumes tagged as a drill; local: the drill folder) — never a customer's node.
   */
  enum Target { CUSTOMER_NODE, DRILL }

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
