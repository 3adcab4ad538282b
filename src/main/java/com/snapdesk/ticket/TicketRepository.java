package com.snapdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: where tickets, their timeline and idempotency records live. */
public interface TicketRepository {

  void insert(Ticket ticket);

  boolean exists(String ticketId);

  Optional<Ticket> find(String ticketId);

  void addAccessToken(String ticketId, String tokenHash, String issuedFor, Instant at);

  boolean hasAccessToken(String ticketId, String tokenHash);

  void updateStatus(String ticketId, TicketStatus status, String detail, Instant at);

  void reject(String ticketId, RejectionReason reason, String detail, Instant at);

  void saveResolution(String ticketId, Ticket.PointRef resolved, String retentionTier, String note, Instant at);

  void saveChosenPoint(String ticketId, Ticket.PointRef chosen, Instant at);

  void saveDelivery(String ticketId, Ticket.Delivery delivery, Instant at);

  void addEvent(String ticketId, TicketEvent event);

  List<TicketEvent> events(String ticketId);

  void addMessage(String ticketId, TicketMessage message);

  List<TicketMessage> messages(String ticketId);

  Optional<IdempotencyRecord> findIdempotency(String keyHash);

  void insertIdempotency(IdempotencyRecord record);

  record IdempotencyRecord(String keyHash, String requestHash, String ticketId, Instant createdAt) {}
}
