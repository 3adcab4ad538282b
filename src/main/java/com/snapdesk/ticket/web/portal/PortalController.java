package com.snapdesk.ticket.web.portal;

import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.TicketProcessBusyException;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.TicketStateConflictException;
import com.snapdesk.ticket.UnknownTicketException;
import com.snapdesk.ticket.customer.ShowTicket;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.customer.TicketView;
import com.snapdesk.ticket.intake.MomentNormalizer;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.SubmittedTicket;
import com.snapdesk.ticket.intake.TicketRequest;
import com.snapdesk.ticket.intake.TicketRequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer portal: the request form at {@code /}, its confirmation, and the status page behind the secret
 * link, with reply, cancel and confirm. Server-rendered and complete without JavaScript; it calls the same use
 * cases, and the same rule set, as the JSON API.
 */
@Controller
class PortalController {

  static final String FORM = "web/request-form";
  static final String CONFIRMATION = "web/confirmation";
  static final String STATUS = "web/status";
  static final Set<String> FORM_FIELDS = Set.of("customerName", "customerEmail", "projectId", "environment",
      MomentNormalizer.DATE, MomentNormalizer.TIME, MomentNormalizer.TIMEZONE, MomentNormalizer.UTC_OFFSET, "scope",
      "policy", "reason");
  static final Set<String> REPLY_FIELDS = Set.of("message");

  /** The zone whose calendar is ahead of all others: no one's "today" is later than its today. */
  private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

  private final SubmitTicket intake;
  private final TicketRequestValidator validator;
  private final MomentNormalizer moments;
  private final ShowTicket queries;
  private final TakeCustomerAction actions;
  private final RetentionPolicy retention;
  private final TicketProperties tickets;
  private final Clock clock;

  PortalController(SubmitTicket intake, TicketRequestValidator validator, MomentNormalizer moments,
                   ShowTicket queries, TakeCustomerAction actions, RetentionPolicy retention,
                   TicketProperties tickets, Clock clock) {
    this.intake = intake;
    this.validator = validator;
    this.moments = moments;
    this.queries = queries;
    this.actions = actions;
    this.retention = retention;
    this.tickets = tickets;
    this.clock = clock;
  }

  @ModelAttribute
  void csrf(HttpServletRequest request, Model model) {
    model.addAttribute("csrfToken", csrfToken(request));
    model.addAttribute("errors", FieldErrors.none());
    model.addAttribute("maxReply", TakeCustomerAction.MAX_REPLY);
  }

  /**
   * The session's CSRF token (Spring Security's, which Thymeleaf also writes into each form), taken before the page
   * renders: a session started once the page is being written could no longer set its cookie.
   */
  static String csrfToken(HttpServletRequest request) {
    return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token.getToken() : null;
  }

  // ---- request form ------------------------------------------------------------------------------------------

  @GetMapping("/")
  String form(Model model) {
    model.addAttribute("form", new PortalForm());
    return formPage(model);
  }

  @PostMapping("/")
  String submit(@ModelAttribute("form") PortalForm form, HttpServletRequest request, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
    form.forgetOffsetIfTheMomentChanged();
    TicketRequest ticketRequest = form.toRequest();
    try {
      RequestedMoment moment = validator.validate(ticketRequest).moment();
      if (moment.earlierOffsetAssumed()) {
        // The clocks went back: the time happened twice. Ask which one before anything is stored.
        form.offsetAskedFor(moment.offset().getId());
        model.addAttribute("overlap", OverlapChoice.of(moment, form.getUtcOffset()));
        return formPage(model);
      }
      SubmittedTicket ticket = submitOnce(form, ticketRequest);
      redirect.addFlashAttribute("submitted", Confirmation.of(ticket, form.getCustomerEmail()));
      redirect.addFlashAttribute("verificationTimeout", TimeText.distance(tickets.verificationTimeout()));
      return "redirect:/submitted";
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", FieldErrors.of(e.errors(), FORM_FIELDS));
      overlapOf(form).ifPresent(choice -> model.addAttribute("overlap", choice));
      return formPage(model);
    }
  }

  /** The same key for a double click or a resent page; a changed request after "back" is a new request. */
  private SubmittedTicket submitOnce(PortalForm form, TicketRequest request) {
    try {
      return intake.submit(request, form.idempotencyKeyOrNew());
    } catch (IdempotencyConflictException e) {
      form.setIdempotencyKey(PortalForm.newKey());
      return intake.submit(request, form.getIdempotencyKey());
    }
  }

  /** While the typed moment happens twice and an offset was chosen for it, keep offering the choice. */
  private Optional<OverlapChoice> overlapOf(PortalForm form) {
    if (form.getOffsetFor() == null) return Optional.empty();
    try {
      RequestedMoment m = moments.normalize(form.getRequestedDate(), form.getRequestedTime(), form.getTimezone(), null);
      return m.ambiguous() ? Optional.of(OverlapChoice.of(m, form.getUtcOffset())) : Optional.empty();
    } catch (InvalidRequestException e) {
      return Optional.empty();
    }
  }

  String formPage(Model model) {
    Instant now = clock.instant();
    model.addAttribute("zones", MomentNormalizer.selectableZoneIds().stream()
        .map(id -> new ZoneChoice(id, TimeText.offset(ZoneId.of(id).getRules().getOffset(now))))
        .toList());
    model.addAttribute("now", now.toString());
    model.addAttribute("latestToday", LocalDate.ofInstant(now, LATEST_ZONE).toString());
    model.addAttribute("retention", retention.rows());
    model.addAttribute("retentionMax", TimeText.distance(retention.maxAge()));
    model.addAttribute("maxName", TicketRequestValidator.MAX_NAME);
    model.addAttribute("maxReason", TicketRequestValidator.MAX_REASON);
    return FORM;
  }

  @GetMapping("/submitted")
  String submitted() {
    return CONFIRMATION;
  }

  // ---- status page -------------------------------------------------------------------------------------------

  /** What the status page says after an action; by a fixed key in the redirect, so nothing typed is echoed. */
  static final Map<String, String> NOTICES = Map.of(
      TakeCustomerAction.VERIFY, "Thank you. Your request is confirmed; a support agent will review it.",
      TakeCustomerAction.REPLY, "Thank you. Your answer was sent to the support agent.",
      TakeCustomerAction.CANCEL, "We have your cancellation.",
      TakeCustomerAction.CONFIRM, "Thank you for letting us know you are done.");

  @GetMapping("/tickets/{ticketId}")
  String status(@PathVariable String ticketId, @RequestParam(required = false) String token,
                @RequestParam(required = false) String done, Model model) {
    model.addAttribute("page", StatusPage.of(find(ticketId, token), token));
    if (done != null) model.addAttribute("notice", NOTICES.get(done));
    return STATUS;
  }

  @PostMapping("/tickets/{ticketId}/reply")
  String reply(@PathVariable String ticketId, @RequestParam(required = false) String token,
               @RequestParam(required = false) String message, HttpServletRequest request,
               HttpServletResponse response, Model model) {
    TicketView ticket = find(ticketId, token);
    try {
      actions.reply(ticketId, token, message);
      return redirectToStatus(ticketId, token, TakeCustomerAction.REPLY);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", FieldErrors.of(e.errors(), REPLY_FIELDS));
      model.addAttribute("replyText", message);
      model.addAttribute("page", StatusPage.of(ticket, token));
      return STATUS;
    } catch (TicketStateConflictException | TicketProcessBusyException e) {
      return notDone(e, ticketId, token, response, model);
    }
  }

  /** The link in the email only shows the request (mail scanners open links); this button confirms it. */
  @PostMapping("/tickets/{ticketId}/verify")
  String verify(@PathVariable String ticketId, @RequestParam(required = false) String token,
                HttpServletResponse response, Model model) {
    return act(ticketId, token, TakeCustomerAction.VERIFY, () -> actions.verify(ticketId, token), response, model);
  }

  @PostMapping("/tickets/{ticketId}/cancel")
  String cancel(@PathVariable String ticketId, @RequestParam(required = false) String token,
                HttpServletResponse response, Model model) {
    return act(ticketId, token, TakeCustomerAction.CANCEL, () -> actions.cancel(ticketId, token), response, model);
  }

  @PostMapping("/tickets/{ticketId}/confirm")
  String confirm(@PathVariable String ticketId, @RequestParam(required = false) String token,
                 HttpServletResponse response, Model model) {
    return act(ticketId, token, TakeCustomerAction.CONFIRM, () -> actions.confirm(ticketId, token), response, model);
  }

  /** A button on the status page: the action, then the status page with its notice or with why it was not done. */
  private String act(String ticketId, String token, String done, Runnable action, HttpServletResponse response,
                     Model model) {
    find(ticketId, token);
    try {
      action.run();
      return redirectToStatus(ticketId, token, done);
    } catch (TicketStateConflictException | TicketProcessBusyException e) {
      return notDone(e, ticketId, token, response, model);
    }
  }

  private TicketView find(String ticketId, String token) {
    return queries.find(ticketId, token).orElseThrow(() -> new UnknownTicketException(ticketId));
  }

  /** The status page again, saying why the action was not taken: not allowed now (409), or try again (503). */
  private String notDone(RuntimeException e, String ticketId, String token, HttpServletResponse response,
                         Model model) {
    boolean busy = e instanceof TicketProcessBusyException;
    response.setStatus(busy ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_CONFLICT);
    model.addAttribute("problem", busy
        ? "Your request was being updated at that very moment, so nothing was done. Please try again."
        : e.getMessage());
    model.addAttribute("page", StatusPage.of(find(ticketId, token), token));
    return STATUS;
  }

  private static String redirectToStatus(String ticketId, String token, String done) {
    return "redirect:" + UriComponentsBuilder.fromPath("/tickets/{id}").queryParam("token", "{token}")
        .queryParam("done", done).encode().buildAndExpand(ticketId, token).toUriString();
  }

  // ---- view models -------------------------------------------------------------------------------------------

  public record ZoneChoice(String id, String offsetNow) {}

  /** What the confirmation page shows once, right after submitting. */
  /** Serializable: it travels to the confirmation page as flash data, in the session that every node shares. */
  public record Confirmation(String ticketId, String requestedLocal, String requestedUtc, String interpretationNote,
                             String customerEmail, boolean replayed) implements java.io.Serializable {
    static Confirmation of(SubmittedTicket t, String email) {
      return new Confirmation(t.ticketId(), t.moment().localText(), t.moment().utcText(),
          t.moment().interpretationNote().orElse(null), email == null ? "" : email.strip(), t.replayed());
    }
  }

  /** The two readings of a local time that happened twice (clocks went back), for the customer to pick one. */
  public record OverlapChoice(String question, List<Option> options) {
    public record Option(String value, String label, String hint, boolean checked) {}

    static OverlapChoice of(RequestedMoment m, String chosen) {
      List<ZoneOffset> offsets = m.possibleOffsets();
      List<Option> options = new ArrayList<>();
      for (int i = 0; i < offsets.size(); i++) {
        ZoneOffset o = offsets.get(i);
        Instant at = m.localDateTime().toInstant(o);
        String hint = (i == 0 ? "The first time, before the clocks went back" : "The second time, after the clocks "
            + "went back") + ": " + TimeText.utc(at) + ".";
        options.add(new Option(o.getId(), m.reading(o), hint, o.getId().equals(chosen)));
      }
      String clock = m.localDateTime().toLocalTime().toString();
      return new OverlapChoice(clock + " on " + m.date() + " happened twice in " + m.zone().getId()
          + ", because the clocks went back. Which one do you mean?", options);
    }
  }
}
