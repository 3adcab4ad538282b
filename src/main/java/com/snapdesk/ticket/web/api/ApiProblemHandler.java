package com.snapdesk.ticket.web.api;

import com.snapdesk.shared.FieldError;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.shared.TimeText;
import com.snapdesk.shared.TooManyRequestsException;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.TicketProcessBusyException;
import com.snapdesk.ticket.TicketStateConflictException;
import com.snapdesk.ticket.UnknownTicketException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.core.NestedExceptionUtils;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem+json for the customer API, with an {@code errors} list of {field, message}. */
@RestControllerAdvice(assignableTypes = TicketApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has mistakes",
        "Correct the fields listed in errors and send it again.", e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (NestedExceptionUtils.getMostSpecificCause(e) instanceof StreamConstraintsException tooDeep) {
      return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request body is nested too deeply",
          "Send a flat JSON object with the fields described in the API documentation.",
          List.of(new FieldError("body", tooDeep.getOriginalMessage())));
    }
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request body is not valid JSON",
        "Send a JSON object with the fields described in the API documentation.",
        List.of(new FieldError("body", "Not a JSON object of the expected shape.")));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Send JSON",
        "Use Content-Type: application/json.", List.of());
  }

  @ExceptionHandler(UnknownTicketException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownTicketException e) {
    // The same answer for a missing ticket and a wrong token: nothing to learn by guessing.
    return problem(HttpStatus.NOT_FOUND, "ticket-not-found", "Ticket not found",
        "No ticket with this id is visible with the token given.", List.of());
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<ProblemDetail> idempotency(IdempotencyConflictException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
        e.getMessage(), List.of(new FieldError("Idempotency-Key", e.getMessage())));
  }

  @ExceptionHandler(TicketStateConflictException.class)
  ResponseEntity<ProblemDetail> conflict(TicketStateConflictException e) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "ticket-state-conflict",
        "Not possible in the ticket's current status", e.getMessage(), List.of());
    response.getBody().setProperty("ticketStatus", e.status().name());
    return response;
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> concurrent(DuplicateKeyException e) {
    return problem(HttpStatus.CONFLICT, "request-in-progress", "The same request is being processed",
        "A request with this Idempotency-Key is being processed right now; send it again in a moment.", List.of());
  }

  @ExceptionHandler(TicketProcessBusyException.class)
  ResponseEntity<ProblemDetail> busy(TicketProcessBusyException e) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "ticket-busy",
        "The ticket is being updated", "The ticket was changing at the same moment; nothing was done. "
            + "Send the same request again in a moment.", List.of());
    return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, "2").body(response.getBody());
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "A header is missing", e.getMessage(),
        List.of(new FieldError(e.getHeaderName(), "This header is required.")));
  }

  /** A rate limit is used up (security.RateLimitWeb): when to try again, never whether the ticket or contact exists. */
  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    String counted = e.countedBy() == TooManyRequestsException.CountedBy.RECIPIENT
        ? "for this email address" : "from this address";
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
        "Too many requests", "At most " + e.limit() + " " + e.action().plural() + " " + counted + " per "
            + TimeText.distance(e.window()) + ". Try again after the Retry-After header's seconds.", List.of());
    response.getBody().setProperty("retryAfterSeconds", e.retryAfterSeconds());
    return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(response.getBody());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                       List<FieldError> errors) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://snapdesk.example/problems/" + type));
    p.setTitle(title);
    p.setProperty("errors", errors);
    if (status.is5xxServerError()) log.warn("API problem {}: {}", status, detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
