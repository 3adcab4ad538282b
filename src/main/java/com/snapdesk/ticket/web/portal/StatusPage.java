package com.snapdesk.ticket.web.portal;

import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.TimelineEvents;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.customer.TicketView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** What the status page shows of a ticket, in the customer's zone and in plain words. */
public record StatusPage(
    TicketView ticket,
    String token,
    String statusTitle,
    String statusExplanation,
    String tone,
    boolean cancelling,
    boolean canVerify,
    boolean canReply,
    boolean canCancel,
    boolean canConfirm,
    boolean sameChosenPoint,
    String pointNote,
    List<Line> timeline,
    List<Message> conversation) {

  /** One timeline line; {@code iso} for the {@code <time>} element. */
  public record Line(String iso, String local, String utc, String who, String text) {}

  public record Message(boolean fromSupport, String who, String iso, String local, String text) {}

  static StatusPage of(TicketView t, String token) {
    ZoneId zone = zone(t.requested().timezone());
    boolean cancelling = !t.status().isFinal()
        && t.timeline().stream().anyMatch(e -> TimelineEvents.CANCEL_REQUESTED.equals(e.type()));
    List<String> allowed = t.allowedActions() == null ? List.of() : t.allowedActions();
    boolean same = t.resolvedRecoveryPoint() != null && t.chosenRecoveryPoint() != null
        && t.resolvedRecoveryPoint().id().equals(t.chosenRecoveryPoint().id());
    List<Line> timeline = t.timeline().stream()
        .map(e -> new Line(iso(e.at()), TimeText.local(e.at(), zone), TimeText.utc(e.at()), who(e.actor()),
            e.description()))
        .toList();
    List<Message> conversation = t.conversation() == null ? List.of() : t.conversation().stream()
        .map(m -> new Message("support".equals(m.from()), "support".equals(m.from()) ? "Snapdesk support" : "You",
            iso(m.at()), m.local(), m.text()))
        .toList();
    return new StatusPage(t, token, title(t.status(), cancelling), explanation(t, cancelling), tone(t.status()),
        cancelling, allowed.contains(TakeCustomerAction.VERIFY), allowed.contains(TakeCustomerAction.REPLY), allowed.contains(TakeCustomerAction.CANCEL),
        allowed.contains(TakeCustomerAction.CONFIRM), same, pointNote(t.status(), same && !cancelling), timeline, conversation);
  }

  private static String pointNote(TicketStatus status, boolean same) {
    if (!same) return null;
    return switch (status) {
      case AWAITING_VERIFICATION, RECEIVED, AWAITING_APPROVAL, AWAITING_CUSTOMER ->
          "This is the backup we propose; the support agent may choose another one.";
      case RETRIEVING -> "This is the backup we are retrieving.";
      case READY, CLOSED -> "This is the backup we retrieved.";
      default -> null;
    };
  }

  private static String title(TicketStatus status, boolean cancelling) {
    if (cancelling) return "Being cancelled";
    return switch (status) {
      case AWAITING_VERIFICATION -> "Please confirm your request";
      case RECEIVED -> "Received";
      case AWAITING_APPROVAL -> "Waiting for review";
      case AWAITING_CUSTOMER -> "Waiting for your answer";
      case RETRIEVING -> "Retrieving your backup";
      case READY -> "Ready";
      case CLOSED -> "Closed";
      case REJECTED -> "Not possible";
      case CANCELLED -> "Cancelled";
    };
  }

  private static String explanation(TicketView t, boolean cancelling) {
    if (cancelling) {
      return "You cancelled this request. We are removing anything we retrieved and will confirm by email.";
    }
    return switch (t.status()) {
      case AWAITING_VERIFICATION -> "Check the request below. Nothing happens until you confirm it: then a support "
          + "agent reviews it.";
      case RECEIVED -> "You confirmed your request. It is waiting for a support agent.";
      case AWAITING_APPROVAL -> "A support agent is checking your request and the backup we propose. "
          + "You will get an email when something changes.";
      case AWAITING_CUSTOMER -> "Our support agent needs an answer from you before going on. "
          + "Please answer the question below.";
      case RETRIEVING -> "Your request is approved. We are making the backup's data available next to your "
          + "environment. Nothing in your environment is changed.";
      case READY -> "The backup's data is available. We emailed you step-by-step instructions to restore it "
          + "yourself; they are summarised below.";
      case CLOSED -> "This request is finished. The retrieved copy has been removed.";
      case REJECTED -> t.statusDetail() == null || t.statusDetail().isBlank()
          ? "We cannot carry out this request. We emailed you the reason and what you can do instead."
          : t.statusDetail();
      case CANCELLED -> "This request was cancelled. Anything we had retrieved has been removed.";
    };
  }

  private static String tone(TicketStatus status) {
    return switch (status) {
      case AWAITING_VERIFICATION, AWAITING_CUSTOMER -> "action";
      case READY, CLOSED -> "done";
      case REJECTED, CANCELLED -> "stopped";
      default -> "progress";
    };
  }

  private static String who(String actor) {
    if ("customer".equals(actor)) return "You";
    if ("system".equals(actor) || actor == null) return "Snapdesk";
    return actor; // already a role ("Support agent", "Support lead"): ShowTicket never passes a login id on
  }

  private static String iso(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toString();
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException | NullPointerException e) {
      return ZoneOffset.UTC;
    }
  }
}
