package com.snapdesk.ticket.web.portal;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.customer.ShowTicket;
import com.snapdesk.ticket.customer.TakeCustomerAction;
import com.snapdesk.ticket.intake.MomentNormalizer;
import com.snapdesk.ticket.intake.SubmitTicket;
import com.snapdesk.ticket.intake.TicketRequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The portal's pages for what goes wrong, without the engine or a database: the real validation and CSRF check,
 * the use cases mocked. The pages in a browser are in {@link PortalBrowserIT}.
 */
@WebMvcTest(properties = "snapdesk.portal.submissions-per-client=2")
class PortalControllerTest {

  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  /** The portal's own beans and the real validator; the slice must not start the application's engine. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PortalProperties.class)
  @Import({PortalController.class, PortalExceptionHandler.class, PortalWebConfiguration.class,
      PortalRateLimiter.class})
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

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final MockHttpSession session = new MockHttpSession();
  /** The rate limiter outlives a test: each test is another client address. */
  private final String client = "192.0.2." + CLIENTS.incrementAndGet();

  @Test
  void aFormWithMistakesComesBackWithTheMessagesAndNothingIsSent() throws Exception {
    mvc.perform(form(SnapdeskTestData.request().with("customerEmail", "not-an-email").fields()))
        .andExpect(status().isBadRequest())
        .andExpect(view().name(PortalController.FORM))
        .andExpect(content().string(containsString("not-an-email")));
    then(submit).should(never()).submit(any(), any());
  }

  @Test
  void aFormWithoutThisSessionsTokenIsRefusedButKeepsWhatWasTyped() throws Exception {
    mvc.perform(post("/").session(session).param("customerName", "Olga Ops").param("_csrf", "forged"))
        .andExpect(status().isForbidden())
        .andExpect(view().name(PortalController.FORM))
        .andExpect(content().string(containsString("Olga Ops")));
    then(submit).should(never()).submit(any(), any());
  }

  @Test
  void aWrongTokenLooksLikeNoTicket() throws Exception {
    given(show.find("SD-1", "wrong")).willReturn(Optional.empty());

    mvc.perform(get("/tickets/SD-1").param("token", "wrong"))
        .andExpect(status().isNotFound())
        .andExpect(view().name("web/not-found"));
  }

  @Test
  void tooManyFormsFromOneClientAreAskedToWait() throws Exception {
    var invalid = SnapdeskTestData.request().with("customerEmail", null).fields();
    mvc.perform(form(invalid)).andExpect(status().isBadRequest());
    mvc.perform(form(invalid)).andExpect(status().isBadRequest());

    mvc.perform(form(invalid))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(view().name("web/too-many-requests"));
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
