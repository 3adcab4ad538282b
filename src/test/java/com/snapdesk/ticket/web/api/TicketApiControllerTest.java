package com.snapdesk.ticket.web.api;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.snapdesk.security.SecurityChains;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.shared.TooManyRequestsException;
import com.snapdesk.ticket.IdempotencyConflictException;
import com.snapdesk.ticket.RequestedMoment;
import com.snapdesk.ticket.TicketProcessBusyException;
import com.snapdesk.ticket.TicketStateConflictException;
import com.snapdesk.ticket.TicketStatus;
import com.snapdesk.ticket.customer.ShowTicket;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.SubmittedTicket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's HTTP contract without the engine or a database: what each use-case outcome looks like to a client
 * (status, problem+json type, field errors, headers). Whole tickets over HTTP are in {@link TicketApiIT}.
 */
@WebMvcTest
class TicketApiControllerTest {

  /**
   * Only the controller, its problem handler and the API's stateless filter chain: the slice must not start the
   * application's engine.
   */
  @Configuration(proxyBeanMethods = false)
  @Import({TicketApiController.class, ApiProblemHandler.class, SecurityChains.CustomerApi.class})
  static class Slice {}

  private static final String BODY = """
      {"customerEmail": "ops@acme.example", "projectId": "mx7k2p4qzt3rw", "environment": "production",
       "requestedDate": "2026-11-25", "requestedTime": "07:20", "timezone": "America/New_York"}""";

  @Autowired MockMvc mvc;
  @MockitoBean SubmitTicket submit;
  @MockitoBean ShowTicket show;
  @MockitoBean TakeCustomerAction act;

  @Test
  void aSubmissionIsAcceptedWithoutATokenSayingHowTheTimeWasRead() throws Exception {
    var moment = new RequestedMoment(LocalDate.of(2026, 11, 25), LocalTime.of(7, 20), ZoneId.of("America/New_York"),
        ZoneOffset.ofHours(-5), Instant.parse("2026-11-25T12:20:00Z"), false, false);
    given(submit.submit(any(), eq("k-1"))).willReturn(new SubmittedTicket("SD-2026-0001",
        TicketStatus.AWAITING_VERIFICATION, moment, false));

    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
            .content(BODY))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/tickets/SD-2026-0001"))
        .andExpect(header().string("Idempotent-Replayed", "false"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(jsonPath("$.ticketId").value("SD-2026-0001"))
        .andExpect(jsonPath("$.status").value("AWAITING_VERIFICATION"))
        .andExpect(jsonPath("$.requestedInstant").value("2026-11-25T12:20:00Z"))
        .andExpect(jsonPath("$.interpretation.utc").value(moment.utcText()))
        .andExpect(jsonPath("$.accessToken").doesNotExist())
        .andExpect(jsonPath("$.statusUrl").doesNotExist());
  }

  @Test
  void verifyingTakesTheTokenFromTheEmailedLinkAsABearerToken() throws Exception {
    mvc.perform(post("/api/tickets/SD-1/verify").header("Authorization", "Bearer from-the-email"))
        .andExpect(status().isAccepted());
    then(act).should().verify("SD-1", "from-the-email");
  }

  @Test
  void aUsedUpRateLimitIs429WithRetryAfterAndSaysNothingOfTheTicket() throws Exception {
    given(submit.submit(any(), any())).willThrow(new TooManyRequestsException(TooManyRequestsException.Action.SUBMISSION,
        TooManyRequestsException.CountedBy.RECIPIENT, 5, java.time.Duration.ofHours(1),
        java.time.Duration.ofMillis(61_500)));

    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(BODY))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(header().string("Retry-After", "62"))
        .andExpect(jsonPath("$.type").value("https://snapdesk.example/problems/too-many-requests"))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.retryAfterSeconds").value(62))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("for this email address")));
  }

  @Test
  void invalidFieldsAreListedInAProblem() throws Exception {
    given(submit.submit(any(), any())).willThrow(new InvalidRequestException("customerEmail", "Not an email."));

    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(BODY))
        .andExpect(status().isBadRequest())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
        .andExpect(jsonPath("$.type").value("https://snapdesk.example/problems/invalid-request"))
        .andExpect(jsonPath("$.errors[0].field").value("customerEmail"))
        .andExpect(jsonPath("$.errors[0].message").value("Not an email."));
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequestOnTheBody() throws Exception {
    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
  }

  @Test
  void anotherMediaTypeIsRefusedAsAProblem() throws Exception {
    // refused before a handler is chosen, so Spring's own problem answers, not ApiProblemHandler's
    mvc.perform(post("/api/tickets").contentType(MediaType.TEXT_PLAIN).content("hello"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
  }

  @Test
  void aReusedIdempotencyKeyIsUnprocessable() throws Exception {
    given(submit.submit(any(), eq("k-1"))).willThrow(new IdempotencyConflictException("used for another request"));

    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k-1")
            .content(BODY))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
  }

  @Test
  void aWrongTokenLooksLikeNoTicket() throws Exception {
    given(show.find("SD-1", "wrong")).willReturn(Optional.empty());

    mvc.perform(get("/api/tickets/SD-1").header("Authorization", "Bearer wrong"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("https://snapdesk.example/problems/ticket-not-found"));
  }

  @Test
  void anActionTheStatusDoesNotAllowIsAConflictNamingTheStatus() throws Exception {
    willThrow(new TicketStateConflictException(TicketStatus.CLOSED, "The ticket is closed."))
        .given(act).cancel("SD-1", "secret");

    mvc.perform(post("/api/tickets/SD-1/cancel").header("Authorization", "Bearer secret"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.ticketStatus").value("CLOSED"));
  }

  @Test
  void aBusyProcessAsksToRetry() throws Exception {
    willThrow(new TicketProcessBusyException("SD-1", new RuntimeException("optimistic lock")))
        .given(act).confirm("SD-1", "secret");

    mvc.perform(post("/api/tickets/SD-1/confirm").header("Authorization", "Bearer secret"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "2"));
  }
}
