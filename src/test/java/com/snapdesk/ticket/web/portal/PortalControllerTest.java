package com.snapdesk.ticket.web.portal;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.security.RateLimitWeb;
import com.snapdesk.security.RateLimiter;
import com.snapdesk.security.SecurityChains;
import com.snapdesk.shared.TooManyRequestsException;
import com.snapdesk.shared.TooManyRequestsException.Action;
import com.snapdesk.shared.TooManyRequestsException.CountedBy;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.customer.ShowTicket;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.intake.MomentNormalizer;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.TicketRequestValidator;
import jakarta.servlet.RequestDispatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's pages for what goes wrong, without the engine or a database: the real validation, the portal's
 * Spring Security chain (CSRF, headers) and where the rate limits apply; the use cases and the limiter mocked. The pages in a browser are in {@link PortalBrowserIT}.
 */
@WebMvcTest
class PortalControllerTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  /**
   * The portal's own beans, its filter chain (CSRF, headers) and where the rate limits apply, the real validator;
   * the slice must not start the application's engine, so the limiter itself is mocked.
   */
  @Configuration(proxyBeanMethods = false)
  @Import({PortalController.class, PortalExceptionHandler.class, ExpiredFormController.class,
      PortalSecurityHeaders.class, SecurityChains.Portal.class, RateLimitWeb.class})
  static class Slice {
    @Bean Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean TicketProperties ticketProperties() {
      return SnapdeskTestData.TICKET_DEFAULTS;
    }

    @Bean RetentionPolicy retentionPolicy() {
      return RetentionPolicy.defaults();
    }

    @Bean MomentNormalizer momentNormalizer(Clock clock) {
      return new MomentNormalizer(clock);
    }

    @Bean TicketRequestValidator ticketRequestValidator(MomentNormalizer moments, RetentionPolicy retention,
                                                        Clock clock) {
      return new TicketRequestValidator(moments, retention, clock);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean SubmitTicket submit;
  @MockitoBean ShowTicket show;
  @MockitoBean TakeCustomerAction act;
  @MockitoBean RateLimiter limiter;

  private final MockHttpSession session = new MockHttpSession();
  private final String client = "192.0.2.7";

  @Test
  void aFormWithMistakesComesBackWithTheMessagesAndNothingIsSent() throws Exception {
    mvc.perform(form(SnapdeskTestData.request().with("customerEmail", "not-an-email").fields()))
        .andExpect(status().isBadRequest())
        .andExpect(view().name(PortalController.FORM))
        .andExpect(content().string(containsString("not-an-email")));
    then(submit).should(never()).submit(any(), any());
  }

  @Test
  void aFormWithoutThisSessionsTokenIsRefusedAndHandedToTheExpiredFormPage() throws Exception {
    // when the form is sent with a forged token
    mvc.perform(post("/").session(session).param("customerName", "Olga Ops").param("_csrf", "forged"))
        // then Spring Security refuses it before the controller, and forwards to the page that explains it
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/form-expired"));
    then(submit).should(never()).submit(any(), any());
    then(limiter).shouldHaveNoInteractions();
  }

  @Test
  void theExpiredFormPageKeepsWhatWasTyped() throws Exception {
    // given the refused request as Spring Security forwards it (MockMvc does not follow forwards)
    mvc.perform(post("/form-expired").with(csrf()).session(session).param("customerName", "Olga Ops")
            .requestAttr(WebAttributes.ACCESS_DENIED_403, new MissingCsrfTokenException("forged"))
            .requestAttr(RequestDispatcher.FORWARD_REQUEST_URI, "/"))
        // then the form comes back with the input, saying nothing was sent
        .andExpect(status().isForbidden())
        .andExpect(view().name(PortalController.FORM))
        .andExpect(content().string(containsString("Olga Ops")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
    // and opened directly it is nothing
    mvc.perform(get("/form-expired")).andExpect(status().isNotFound());
  }

  @Test
  void portalPagesCarryTheirSecurityHeaders() throws Exception {
    mvc.perform(get("/"))
        .andExpect(header().string("Content-Security-Policy", PortalSecurityHeaders.CONTENT_SECURITY_POLICY))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
    mvc.perform(get("/").secure(true))
        .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
  }

  @Test
  void aWrongTokenLooksLikeNoTicket() throws Exception {
    given(show.find("SD-1", "wrong")).willReturn(Optional.empty());

    mvc.perform(get("/tickets/SD-1").param("token", "wrong"))
        .andExpect(status().isNotFound())
        .andExpect(view().name("web/not-found"));
  }

  @Test
  void theStatusPageSaysHowLongSimilarRetrievalsTookWhileNotReady() throws Exception {
    // given a ticket waiting for review, with an estimate from measured retrievals
    String estimate = "Once approved, similar retrievals were ready in about 40 minutes; 9 in 10 within 2 hours.";
    given(show.find("SD-1", "tok")).willReturn(Optional.of(waitingForReview(estimate)));

    // when the customer opens the status page
    // then it says so next to the status
    mvc.perform(get("/tickets/SD-1").param("token", "tok"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ready in about 40 minutes; 9 in 10 within 2 hours")));
  }

  private static com.snapdesk.ticket.customer.TicketView waitingForReview(String estimate) {
    var requested = new com.snapdesk.ticket.customer.TicketView.Requested("2026-11-20", "14:30", "America/New_York",
        "-05:00", Instant.parse("2026-11-20T19:30:00Z"), "2026-11-20 14:30 EST (America/New_York)",
        "2026-11-20 19:30 UTC", null);
    return new com.snapdesk.ticket.customer.TicketView("SD-1", com.snapdesk.ticket.TicketStatus.AWAITING_APPROVAL,
        null, "mx7k2p4qzt3rw", "production", "database", "nearest", requested, null, null, null, null, null,
        java.util.List.of(), java.util.List.of(), null, java.util.List.of("cancel"), NOW, NOW, estimate);
  }

  @Test
  void tooManyFormsFromOneClientAreAskedToWait() throws Exception {
    // given a client address that used up its submissions
    willThrow(new TooManyRequestsException(Action.SUBMISSION, CountedBy.ADDRESS, 10, Duration.ofMinutes(15),
        Duration.ofSeconds(290))).given(limiter).fromAddress(Action.SUBMISSION, client);

    // when it sends the form, then it is asked to wait, and nothing is submitted
    mvc.perform(form(SnapdeskTestData.request().fields()))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "290"))
        .andExpect(view().name("web/too-many-requests"))
        .andExpect(content().string(containsString("as many as we accept from one place")))
        .andExpect(content().string(containsString("Please wait about")));
    then(submit).should(never()).submit(any(), any());
  }

  @Test
  void tooManyRequestsForOneEmailAddressAreRefusedWithoutSayingWhetherItIsAContact() throws Exception {
    // given an email address that had its requests this hour (counted as typed, in any case)
    willThrow(new TooManyRequestsException(Action.SUBMISSION, CountedBy.RECIPIENT, 5, Duration.ofHours(1),
        Duration.ofMinutes(20))).given(limiter).forRecipient("OPS@acme.example");

    // when another form names it
    mvc.perform(form(SnapdeskTestData.request().with("customerEmail", "OPS@acme.example").fields()))
        // then the page says so, and nothing is submitted
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("id=\"too-many-for-address\"")))
        .andExpect(content().string(containsString("Please wait about")));
    then(limiter).should().fromAddress(Action.SUBMISSION, client);
    then(submit).should(never()).submit(any(), any());
  }

  /** A POST of the request form with this session's CSRF token, as the browser sends it. */
  private MockHttpServletRequestBuilder form(Map<String, String> fields) throws Exception {
    String token = (String) mvc.perform(get("/").session(session)).andReturn().getModelAndView().getModel()
        .get("csrfToken");
    var request = post("/").session(session).param("_csrf", token).with(r -> {
      r.setRemoteAddr(client);
      return r;
    });
    fields.forEach(request::param);
    return request;
  }
}
