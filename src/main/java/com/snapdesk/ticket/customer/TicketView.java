package com.snapdesk.ticket.customer;

import com.snapdesk.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as its customer may see it (status page and API). Never contains the token. {@code allowedActions}
 * lists what the customer may do now: {@code reply}, {@code cancel}, {@code confirm}.
 * {@code retrievalEstimate} says how long similar retrievals took, while the data is not ready yet; null after.
 */
public record TicketView(
    String ticketId,
    TicketStatus status,
    String statusDetail,
    String projectId,
    String environment,
    String scope,
    String policy,
    Requested requested,
    PointView resolvedRecoveryPoint,
    PointView chosenRecoveryPoint,
    String retentionTier,
    String resolutionNote,
    DeliveryView delivery,
    List<TimelineEntry> timeline,
    List<MessageView> conversation,
    Question question,
    List<String> allowedActions,
    Instant createdAt,
    Instant updatedAt,
    String retrievalEstimate) {

  public record Requested(String date, String time, String timezone, String utcOffset, Instant instant,
                          String local, String utc, String interpretationNote) {}

  /** A recovery point in the customer's zone and in UTC, with its distance from the requested time. */
  public record PointView(String id, Instant createdAt, String local, String utc, String distance,
                          String relation) {}

  public record DeliveryView(String recoveryId, String location, String node, String device, Instant expiresAt,
                             String expiresLocal, String expiresUtc) {}

  public record TimelineEntry(Instant at, String type, String actor, String description) {}

  /** One message between support and the customer, oldest first; {@code from} is "support" or "customer". */
  public record MessageView(Instant at, String from, String local, String utc, String text) {}

  /** The agent's open question while the ticket waits on the customer, and until when an answer is awaited. */
  public record Question(String text, Instant askedAt, String askedLocal, Instant replyBy, String replyByLocal,
                         String replyByUtc) {}
}
