package com.snapdesk.ticket.customer;

import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketAccess;
import com.snapdesk.ticket.TicketEvent;
import com.snapdesk.ticket.TicketMessage;
import com.snapdesk.ticket.TicketProcess;
import com.snapdesk.ticket.TicketProcessBusyException;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.TicketStateConflictException;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.UnknownTicketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use cases of a customer holding a ticket's token: reply to a question, cancel, confirm done. A wrong
 * token answers as if the ticket did not exist; an action the status does not allow is a conflict. Each action
 * is one transaction; when the process was moving on at that very moment, the action is tried again.
 */
@Service
public class TakeCustomerAction {

  public static final int MAX_REPLY = 4000;
  static final Set<TicketStatus> CANCELLABLE = EnumSet.of(TicketStatus.AWAITING_VERIFICATION, TicketStatus.RECEIVED, TicketStatus.AWAITING_APPROVAL,
      TicketStatus.AWAITING_CUSTOMER, TicketStatus.RETRIEVING);

  static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofMillis(150);

  private final TicketRepository tickets;
  private final TicketAccess access;
  private final TicketProcess process;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public TakeCustomerAction(TicketRepository tickets, TicketAccess access, TicketProcess process,
                            PlatformTransactionManager transactions, Clock clock) {
    this.tickets = tickets;
    this.access = access;
    this.process = process;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * The requester confirms the request with the token from the email we sent to the contact's address: only
   * then does an agent see it. Confirming twice is harmless; a request that already ended cannot be confirmed.
   */
  public void verify(String ticketId, String token) {
    retryingWhenBusy(() -> verifyOnce(ticketId, token));
  }

  public void reply(String ticketId, String token, String message) {
    retryingWhenBusy(() -> replyOnce(ticketId, token, message));
  }

  public void cancel(String ticketId, String token) {
    retryingWhenBusy(() -> cancelOnce(ticketId, token));
  }

  public void confirm(String ticketId, String token) {
    retryingWhenBusy(() -> confirmOnce(ticketId, token));
  }

  /** Each attempt in a fresh transaction: a refused one has rolled back everything it wrote. */
  private void retryingWhenBusy(Runnable action) {
    for (int attempt = 1; ; attempt++) {
      try {
        transaction.executeWithoutResult(status -> action.run());
        return;
      } catch (TicketProcessBusyException e) {
        if (attempt >= ATTEMPTS) throw e;
        pause(BACKOFF.multipliedBy(attempt));
      }
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a customer action", e);
    }
  }

  private void replyOnce(String ticketId, String token, String message) {
    Ticket t = authorized(ticketId, token);
    String text = message == null ? "" : message.strip();
    if (text.isEmpty()) throw new InvalidRequestException("message", "Write your answer.");
    if (text.length() > MAX_REPLY) {
      throw new InvalidRequestException("message", "Keep your answer under " + MAX_REPLY + " characters (it has "
          + text.length() + ").");
    }
    if (!canReply(t.status())) {
      throw new TicketStateConflictException(t.status(), "This request is not waiting for an answer from you (it is "
          + t.status() + ").");
    }
    Instant now = clock.instant();
    tickets.addMessage(ticketId, new TicketMessage(now, TicketMessage.Author.CUSTOMER, "customer", text));
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.REPLIED, "customer", "Answered the question"));
    process.customerReplied(ticketId, conversation(tickets.messages(ticketId)));
  }

  private void verifyOnce(String ticketId, String token) {
    Ticket t = authorized(ticketId, token);
    if (verified(tickets.events(ticketId))) return;
    if (t.status() != TicketStatus.AWAITING_VERIFICATION) {
      throw new TicketStateConflictException(t.status(), "This request can no longer be confirmed: it is "
          + t.status() + (t.status() == TicketStatus.CLOSED ? ". Please submit a new request." : "."));
    }
    Instant now = clock.instant();
    tickets.addEvent(ticketId, new TicketEvent(now, TimelineEvents.VERIFIED, "customer",
        "Confirmed from the contact's mailbox"));
    tickets.updateStatus(ticketId, TicketStatus.RECEIVED, null, now);
    process.customerVerified(ticketId, now);
  }

  private void cancelOnce(String ticketId, String token) {
    Ticket t = authorized(ticketId, token);
    if (!CANCELLABLE.contains(t.status())) {
      throw new TicketStateConflictException(t.status(), t.status() == TicketStatus.CANCELLED
          ? "This request is already cancelled."
          : "This request can no longer be cancelled: it is " + t.status() + ".");
    }
    if (cancelRequested(tickets.events(ticketId))) {
      // The process has the cancellation and is cleaning up; a second message would find nobody waiting for it.
      throw new TicketStateConflictException(t.status(), "This request is already being cancelled.");
    }
    tickets.addEvent(ticketId, new TicketEvent(clock.instant(), TimelineEvents.CANCEL_REQUESTED, "customer",
        "Cancelled by the customer"));
    process.customerCancelled(ticketId);
  }

  private void confirmOnce(String ticketId, String token) {
    Ticket t = authorized(ticketId, token);
    if (!canConfirm(t.status())) {
      throw new TicketStateConflictException(t.status(), "Only a request whose data is ready can be confirmed (it is "
          + t.status() + ").");
    }
    tickets.addEvent(ticketId, new TicketEvent(clock.instant(), TimelineEvents.CONFIRMED, "customer",
        "Customer is done with the retrieved data"));
    process.customerConfirmed(ticketId);
  }

  public static final String VERIFY = "verify";
  public static final String REPLY = "reply";
  public static final String CANCEL = "cancel";
  public static final String CONFIRM = "confirm";

  /** What the customer may do now, by the same rules the actions enforce (for the status page and the API). */
  static List<String> allowedActions(TicketStatus status, List<TicketEvent> timeline) {
    List<String> allowed = new java.util.ArrayList<>();
    if (status == TicketStatus.AWAITING_VERIFICATION && !verified(timeline)) allowed.add(VERIFY);
    if (canReply(status)) allowed.add(REPLY);
    if (CANCELLABLE.contains(status) && !cancelRequested(timeline)) allowed.add(CANCEL);
    if (canConfirm(status)) allowed.add(CONFIRM);
    return List.copyOf(allowed);
  }

  private static boolean canReply(TicketStatus status) {
    return status == TicketStatus.AWAITING_CUSTOMER;
  }

  private static boolean canConfirm(TicketStatus status) {
    return status == TicketStatus.READY;
  }

  private static boolean verified(List<TicketEvent> timeline) {
    return timeline.stream().anyMatch(e -> TimelineEvents.VERIFIED.equals(e.type()));
  }

  private static boolean cancelRequested(List<TicketEvent> timeline) {
    return timeline.stream().anyMatch(e -> TimelineEvents.CANCEL_REQUESTED.equals(e.type()));
  }

  private Ticket authorized(String ticketId, String token) {
    return access.authorize(ticketId, token).orElseThrow(() -> new UnknownTicketException(ticketId));
  }

  /** The thread as the agent reads it on the review form. */
  public static String conversation(List<TicketMessage> messages) {
    return messages.stream()
        .map(m -> com.snapdesk.shared.TimeText.utc(m.at()) + " — "
            + (m.authorType() == TicketMessage.Author.AGENT ? "agent " + m.author() : "customer") + ":\n" + m.text())
        .collect(Collectors.joining("\n\n"));
  }
}
