package com.snapdesk.ticket.web.api;

import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.UnknownTicketException;
import com.snapdesk.ticket.customer.ShowTicket;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.customer.TicketView;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.SubmittedTicket;
import com.snapdesk.ticket.intake.TicketRequest;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer API (docs/api.md): submit a request, then follow, answer, cancel or confirm it with its token. */
@RestController
@RequestMapping(path = "/api/tickets", produces = "application/json")
class TicketApiController {

  private final SubmitTicket intake;
  private final ShowTicket queries;
  private final TakeCustomerAction actions;

  TicketApiController(SubmitTicket intake, ShowTicket queries, TakeCustomerAction actions) {
    this.intake = intake;
    this.queries = queries;
    this.actions = actions;
  }

  /**
   * 202 and no token, whoever asks: the requester confirms from the contact's mailbox (the emailed link), so a
   * stranger who knows a project id and a contact's address learns nothing and gets nothing.
   */
  @PostMapping(consumes = "application/json")
  ResponseEntity<Accepted> submit(@RequestBody TicketRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    SubmittedTicket t = intake.submit(request, idempotencyKey);
    var body = new Accepted(t.ticketId(), t.status(), t.moment().instant(),
        new Interpreted(t.moment().localText(), t.moment().utcText(), t.moment().zone().getId(),
            t.moment().interpretationNote().orElse(null)));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/tickets/" + t.ticketId()))
        .header("Idempotent-Replayed", Boolean.toString(t.replayed()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  @GetMapping("/{ticketId}")
  ResponseEntity<TicketView> get(@PathVariable String ticketId,
                                 @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    TicketView view = queries.find(ticketId, BearerToken.from(authorization))
        .orElseThrow(() -> new UnknownTicketException(ticketId));
    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(view);
  }

  /** With the token from the link in the email: proves the requester reads the contact's mailbox. */
  @PostMapping("/{ticketId}/verify")
  ResponseEntity<Void> verify(@PathVariable String ticketId,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    actions.verify(ticketId, BearerToken.from(authorization));
    return ResponseEntity.accepted().build();
  }

  @PostMapping(path = "/{ticketId}/replies", consumes = "application/json")
  ResponseEntity<Void> reply(@PathVariable String ticketId, @RequestBody Reply reply,
                             @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    actions.reply(ticketId, BearerToken.from(authorization), reply == null ? null : reply.message());
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{ticketId}/cancel")
  ResponseEntity<Void> cancel(@PathVariable String ticketId,
                              @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    actions.cancel(ticketId, BearerToken.from(authorization));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{ticketId}/confirm")
  ResponseEntity<Void> confirm(@PathVariable String ticketId,
                               @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    actions.confirm(ticketId, BearerToken.from(authorization));
    return ResponseEntity.accepted().build();
  }

  record Reply(String message) {}

  record Accepted(String ticketId, TicketStatus status, Instant requestedInstant, Interpreted interpretation) {}

  record Interpreted(String local, String utc, String timezone, String note) {}
}
