package com.snapdesk.ticket.intake;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.AccessTokens;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketProcess;
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
  private final Clock clock;

  public SubmitTicket(TicketRequestValidator validator, TicketRepository tickets, TicketProcess process,
                      Clock clock) {
    this.validator = validator;
    this.tickets = tickets;
    this.process = process;
    this.clock = clock;
  }

  /** What every submitter is told: the request waits for its confirmation from the contact's mailbox. */
  static final TicketStatus ANSWERED_STATUS = TicketStatus.AWAITING_VERIFICATION;

  @Transactional
  public SubmittedTicket submit(TicketRequest request, String idempotencyKey) {
    return submit(request, idempotencyKey, clock.instant(), TicketStatus.AWAITING_VERIFICATION, true);
  }

  /**
   * A request that reached support earlier (an import from another desk, the demo data): stored as
   * received at {@code receivedAt} and started, so its SLA clocks count from then. Its requester was verified
   * where it came from, so it goes straight to review.
   */
  @Transactional
  public SubmittedTicket submitReceivedAt(TicketRequest request, String idempotencyKey, Instant receivedAt) {
    return submit(request, idempotencyKey, receivedAt, TicketStatus.RECEIVED, true);
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
    SubmittedTicket ticket = submit(request, idempotencyKey, receivedAt, TicketStatus.RECEIVED, false);
    if (!ticket.replayed()) {
      tickets.updateStatus(ticket.ticketId(), outcome, null, endedAt);
      tickets.addEvent(ticket.ticketId(), new TicketEvent(endedAt, outcome.name(), "system",
          "Handled before this desk tracked it; " + outcome.name().toLowerCase(Locale.ROOT)));
    }
    return ticket;
  }

  private SubmittedTicket submit(TicketRequest request, String idempotencyKey, Instant now, TicketStatus status,
                                 boolean start) {
    Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::trim).filter(k -> !k.isEmpty());
    key.ifPresent(SubmitTicket::checkKey);
    ValidatedRequest valid = validator.validate(request);
    String requestHash = AccessTokens.hash(valid.toString());

    if (key.isPresent()) {
      Optional<SubmittedTicket> replay = replay(key.get(), requestHash);
      if (replay.isPresent()) return replay.get();
    }

    String ticketId = newTicketId();
    Ticket ticket = new Ticket(ticketId, valid.customerEmail(), valid.customerName(), valid.projectId(),
        valid.environment(), valid.scope(), valid.policy(), valid.moment(), valid.reason(), status,
        null, null, null, null, null, null, null, now, now);
    tickets.insert(ticket);
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.SUBMITTED, "customer",
        "Requested " + valid.moment().localText() + " (" + valid.moment().utcText() + ")"));
    if (status == TicketStatus.RECEIVED) {
      tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.VERIFIED, "system",
          "Requester verified before this desk carried the request"));
    }
    key.ifPresent(k -> tickets.insertIdempotency(new TicketRepository.IdempotencyRecord(
        AccessTokens.idempotencyLookupHash(k), requestHash, ticketId, now)));
    if (start) process.start(ticket);
    return new SubmittedTicket(ticketId, ANSWERED_STATUS, valid.moment(), false);
  }

  /** The first answer again, status included: the current status would tell a stranger the request was refused. */
  private Optional<SubmittedTicket> replay(String key, String requestHash) {
    return tickets.findIdempotency(AccessTokens.idempotencyLookupHash(key)).map(record -> {
      if (!record.requestHash().equals(requestHash)) {
        throw new IdempotencyConflictException(
            "This Idempotency-Key was already used for a different request; use a new key for a new request.");
      }
      Ticket ticket = tickets.find(record.ticketId()).orElseThrow();
      return new SubmittedTicket(ticket.id(), ANSWERED_STATUS, ticket.moment(), true);
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
