package com.snapdesk.ticket;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.Scope;
import java.time.Instant;
import java.time.ZoneId;

/** A backup-retrieval request as stored; the process reads it, use cases change it. */
public record Ticket(
    String id,
    String customerEmail,
    String customerName,
    String projectId,
    Environment environment,
    Scope scope,
    ResolutionPolicy policy,
    RequestedMoment moment,
    String reason,
    TicketStatus status,
    String statusDetail,
    RejectionReason rejectionReason,
    PointRef resolvedPoint,
    PointRef chosenPoint,
    String retentionTier,
    String resolutionNote,
    Delivery delivery,
    Instant createdAt,
    Instant updatedAt) {

  public ZoneId zone() {
    return moment.zone();
  }

  public Instant requestedInstant() {
    return moment.instant();
  }

  /** A recovery point as the ticket remembers it: enough to show it without the catalog. */
  public record PointRef(String id, Instant createdAt) {}

  /** Where the retrieved data is and until when. */
  public record Delivery(String recoveryId, String location, String node, String device,
                         Instant deliveredAt, Instant expiresAt) {

    /** Data on no node of the environment is a file to download (a database dump), offered through the app. */
    public boolean isDownload() {
      return node == null || node.isBlank();
    }
  }
}
