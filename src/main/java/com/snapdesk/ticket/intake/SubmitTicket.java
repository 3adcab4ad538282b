package com.snapdesk.ticket.intake;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.AccessTokens;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketProcess;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: accept a customer's request, store it and start its process. */
@Service
public class SubmitTicket {

  private static final int MIN_IDEMPOTENCY_KEY = 16;
  private static final int MAX_IDEMPOTENCY_KEY = 200;

  private final TicketRequestValidator validator;
  private final TicketRepository tickets;
  private final TicketProcess process;
  private final TicketProperties properties;
  private final Clock clock;

  public SubmitTicket(TicketRequestValidator validator, TicketRepository tickets, TicketProcess process,
                      TicketProperties properties, Clock clock) {
    this.validator = validator;
    this.tickets = tickets;
    this.process = process;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public SubmittedTicket submit(TicketRequest request, String idempotencyKey) {
    return submit(request, idempotencyKey, clock.instant(), true);
  }

  /**
   * A request that reached support earlier (an import from another desk, the demo data): stored as
   * received at {@code receivedAt} and started, so its SLA clocks count from then.
   */
  @Transactional
  public SubmittedTicket submitReceivedAt(TicketRequest request, String idempotencyKey, Instant receivedAt) {
    return submit(request, idempotencyKey, receivedAt, true);
  }

  /**
   * A ticket handled before Snapdesk carried it (an import, the demo history): stored as received at
   * {@code receivedAt} and ended with {@code outcome} at {@code endedAt}, without a process. Its SLA
   * history is the importer's to record.
   *
   * @return the ticket, {@code replayed} when this key had imported it already
   */
  @Transactional
  public SubmittedTicket importEnded(TicketRequest request, String idempotencyKey, Instant receivedAt,
                                     TicketStatus outcome, Instant endedAt) {
    if (!outcome.isFinal()) throw new IllegalArgumentException("not a final status: " + outcome);
    SubmittedTicket ticket = submit(request, idempotencyKey, receivedAt, false);
    if (!ticket.replayed()) {
      tickets.updateStatus(ticket.ticketId(), outcome, null, endedAt);
      tickets.addEvent(ticket.ticketId(), new TicketEvent(endedAt, outcome.name(), "system",
          "Handled before this desk tracked it; " + outcome.name().toLowerCase(Locale.ROOT)));
    }
    return ticket;
  }

  private SubmittedTicket submit(TicketRequest request, String idempotencyKey, Instant now, boolean start) {
    Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::trim).filter(k -> !k.isEmpty());
    key.ifPresent(SubmitTicket::checkKey);
    ValidatedRequest valid = validator.validate(request);
    String requestHash = AccessTokens.hash(valid.toString());

    if (key.isPresent()) {
      Optional<SubmittedTicket> replay = replay(key.get(), requestHash);
      if (replay.isPresent()) return replay.get();
    }

    String ticketId = newTicketId();
    String token = AccessTokens.newToken();
    Ticket ticket = new Ticket(ticketId, valid.customerEmail(), valid.customerName(), valid.projectId(),
        valid.environment(), valid.scope(), valid.policy(), valid.moment(), valid.reason(), TicketStatus.RECEIVED,
        null, null, null, null, null, null, null, now, now);
    tickets.insert(ticket);
    tickets.addAccessToken(ticketId, AccessTokens.hash(token), "api", now);
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.SUBMITTED, "customer",
        "Requested " + valid.moment().localText() + " (" + valid.moment().utcText() + ")"));
    key.ifPresent(k -> tickets.insertIdempotency(new TicketRepository.IdempotencyRecord(
        AccessTokens.idempotencyLookupHash(k), requestHash, ticketId, AccessTokens.seal(token, k), now)));
    if (start) process.start(ticketId);
    return new SubmittedTicket(ticketId, token, TicketStatus.RECEIVED, valid.moment(),
        properties.statusUrl(ticketId, token), false);
  }

  private Optional<SubmittedTicket> replay(String key, String requestHash) {
    return tickets.findIdempotency(AccessTokens.idempotencyLookupHash(key)).map(record -> {
      if (!record.requestHash().equals(requestHash)) {
        throw new IdempotencyConflictException(
            "This Idempotency-Key was already used for a different request; use a new key for a new request.");
      }
      Ticket ticket = tickets.find(record.ticketId()).orElseThrow();
      String token = AccessTokens.unseal(record.sealedToken(), key).orElseThrow();
      return new SubmittedTicket(ticket.id(), token, ticket.status(), ticket.moment(),
          properties.statusUrl(ticket.id(), token), true);
    });
  }

  private String newTicketId() {
    String id;
    do {
      id = TicketIds.next();
    } while (tickets.exists(id));
    return id;
  }

  private static void checkKey(String key) {
    if (key.length() < MIN_IDEMPOTENCY_KEY || key.length() > MAX_IDEMPOTENCY_KEY
        || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new InvalidRequestException("Idempotency-Key", "Use a random key of " + MIN_IDEMPOTENCY_KEY + " to "
          + MAX_IDEMPOTENCY_KEY + " visible ASCII characters, such as a UUID.");
    }
  }
}
