package com.snapdesk.ticket.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal's protections over plain HTTP: CSRF, headers, the rate limit and the secret token, and that the
 * JSON API and the Camunda apps are left as they were. Spring's request logging is on DEBUG here, so the token
 * test would see a leak.
 */
@EmbeddedAppTest
@TestPropertySource(properties = {
    "logging.level.org.springframework.web=DEBUG",
    "snapdesk.portal.submissions-per-client=3",
    "snapdesk.portal.replies-per-client=3"})
@ExtendWith(OutputCaptureExtension.class)
class PortalSecurityIT {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** One visitor: their session cookie, form token and address (X-Forwarded-For, as behind the proxy). */
  private final class Visitor {
    final String address;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;

    Visitor(String address) {
      this.address = address;
    }

    HttpResponse<String> get(String path) throws Exception {
      String url = path.startsWith("http") ? path : "http://localhost:" + port + path;
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
      String body = form.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) b.headers(headers);
      return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
      b.header("X-Forwarded-For", address);
      if (!cookies.isEmpty()) {
        b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(c -> {
        Matcher m = COOKIE.matcher(c);
        if (m.find()) cookies.put(m.group(1).strip(), m.group(2));
      });
      Matcher m = CSRF.matcher(response.body());
      if (m.find()) csrf = m.group(1);
      return response;
    }

    Map<String, String> withToken(Map<String, String> form) {
      Map<String, String> all = new LinkedHashMap<>(form);
      all.put("_csrf", csrf);
      return all;
    }
  }

  private static Map<String, String> validForm() {
    return SnapdeskTestData.request().environment("staging").at("2026-11-20", "14:30")
        .with("customerName", "Olga <script>alert('x')</script> Ops").with("scope", "full").with("policy", "nearest")
        .with("reason", "Products <b>gone</b> after an <img src=x onerror=alert(1)> import").fields();
  }

  private int tickets() {
    return jdbc.sql("select count(*) from ticket").query(Integer.class).single();
  }

  /** Sends the form and returns the status path (with its token) from the email the contact then gets. */
  private String submit(Visitor v) throws Exception {
    v.get("/");
    HttpResponse<String> sent = v.post("/", v.withToken(validForm()));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    HttpResponse<String> confirmation = v.get("/submitted");
    Matcher id = Pattern.compile("class=\"ticket-id\">([A-Z0-9-]+)<").matcher(confirmation.body());
    assertThat(id.find()).as(confirmation.body()).isTrue();
    String token = Requester.awaitVerificationToken(id.group(1),
        () -> MailMessages.outbox(java.nio.file.Path.of(EmbeddedAppTest.OUTBOX)), java.time.Duration.ofSeconds(30));
    return "/tickets/" + id.group(1) + "?token=" + token;
  }

  @Test
  void portalPagesSendSecurityHeaders() throws Exception {
    // when the form and a stylesheet are fetched
    var page = new Visitor("198.51.100.1").get("/");
    var css = new Visitor("198.51.100.1").get("/assets/portal.css");

    // then the page allows only its own scripts and styles, no inline script, no framing, no referrer
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
        "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    // and every script and stylesheet comes from the app itself, none inline
    assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=\"/assets/)")
        .doesNotContain("<style", "style=\"", "http://", "https://", "onclick=");
    assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
  }

  @Test
  void theApiAndTheCamundaAppsKeepTheirOwnHeaders() throws Exception {
    // when the JSON API and Camunda's login page are fetched
    var api = new Visitor("198.51.100.2").get("/api/tickets/SD-NOSUCH00");
    var camunda = new Visitor("198.51.100.2").get("/camunda/app/welcome/default/");

    // then neither gets the portal's policy or a session for it
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(camunda.statusCode()).isEqualTo(200);
    assertThat(camunda.headers().allValues("Content-Security-Policy"))
        .doesNotContain(PortalSecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void theCamundaWebappStillLogsInWithItsOwnCsrfProtection() throws Exception {
    // given an agent on Tasklist's login page, which hands out Camunda's own CSRF cookie
    Visitor agent = new Visitor("198.51.100.7");
    assertThat(agent.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    String xsrf = agent.cookies.get("XSRF-TOKEN");
    assertThat(xsrf).as("Camunda's CSRF cookie").isNotBlank();

    // when they log in the way the Tasklist app does
    var login = agent.post("/camunda/api/admin/auth/user/default/login/tasklist",
        Map.of("username", "alice", "password", "alice"), "X-XSRF-TOKEN", xsrf);

    // then Camunda accepts it: the portal's CSRF check and headers are not in its way
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"userId\":\"alice\"");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
        .isNotEqualTo(PortalSecurityHeaders.CONTENT_SECURITY_POLICY);
  }

  @Test
  void answersBeyondTheLimitGetAClear429() throws Exception {
    // given a customer who has sent as many answers as allowed (3 here), even refused ones
    Visitor customer = new Visitor("203.0.113.20");
    String status = submit(customer);
    String ticketId = status.replaceAll(".*/tickets/([^?]+)\\?.*", "$1");
    String token = status.replaceAll(".*token=", "");
    Map<String, String> answer = Map.of("token", token, "message", "The German store view");
    for (int i = 0; i < 3; i++) {
      assertThat(customer.post("/tickets/" + ticketId + "/reply", customer.withToken(answer)).statusCode())
          .isEqualTo(409);
    }

    // when they send one more
    var refused = customer.post("/tickets/" + ticketId + "/reply", customer.withToken(answer));

    // then it is refused with the waiting time
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).contains("answers", "Please wait about");
  }

  @Test
  void aFormSentWithoutTheSessionsTokenChangesNothingAndKeepsTheInput() throws Exception {
    int before = tickets();

    // when the form is posted without a token, and with another session's token
    Visitor forger = new Visitor("198.51.100.3");
    var noToken = forger.post("/", validForm());
    Visitor victim = new Visitor("198.51.100.3");
    victim.get("/");
    Visitor other = new Visitor("198.51.100.3");
    other.get("/");
    Map<String, String> foreign = validForm();
    foreign.put("_csrf", other.csrf);
    var wrongToken = victim.post("/", foreign);

    // then both are refused, nothing is stored, and the customer sees their input to send again
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(tickets()).isEqualTo(before);
    assertThat(wrongToken.body()).contains("Your request was not sent yet", "value=\"mx7k2p4qzt3rw\"");

    // and the status page's actions need the token too
    Visitor customer = new Visitor("198.51.100.4");
    String status = submit(customer);
    String ticketId = status.replaceAll(".*/tickets/([^?]+)\\?.*", "$1");
    String token = status.replaceAll(".*token=", "");
    var cancel = new Visitor("198.51.100.4").post("/tickets/" + ticketId + "/cancel", Map.of("token", token));
    assertThat(cancel.statusCode()).isEqualTo(403);
    assertThat(cancel.body()).contains("Please try again");
    assertThat(customer.get(status).body()).doesNotContain("Being cancelled", "We have your cancellation");
  }

  @Test
  void customerTextIsEscapedOnEveryPage() throws Exception {
    // given a request whose name and reason look like markup
    Visitor customer = new Visitor("198.51.100.5");
    String status = submit(customer);

    // when the status page is shown
    String page = customer.get(status).body();

    // then the text is there, as text
    assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>gone</b>");
    // and a form re-shown with errors keeps the text escaped as well
    customer.get("/");
    Map<String, String> invalid = customer.withToken(validForm());
    invalid.put("projectId", "<script>");
    String form = customer.post("/", invalid).body();
    assertThat(form).contains("Olga &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ops")
        .doesNotContain("<script>alert", "<img src=x");
  }

  @Test
  void submissionsBeyondTheLimitGetAClear429() throws Exception {
    // given a client who has used up the limit (3 here), valid or not
    Visitor busy = new Visitor("203.0.113.7");
    busy.get("/");
    Map<String, String> invalid = busy.withToken(validForm());
    invalid.put("reason", "");
    for (int i = 0; i < 3; i++) assertThat(busy.post("/", invalid).statusCode()).isEqualTo(400);
    int before = tickets();

    // when they send another one
    var refused = busy.post("/", busy.withToken(validForm()));

    // then it is refused with a page that says how long to wait, and nothing is stored
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
    assertThat(refused.body()).contains("Too many attempts", "Please wait about");
    assertThat(tickets()).isEqualTo(before);

    // while another client can still send theirs
    Visitor other = new Visitor("203.0.113.8");
    other.get("/");
    assertThat(other.post("/", other.withToken(validForm())).statusCode()).isEqualTo(302);
  }

  @Test
  void theStatusTokenNeverReachesTheLogs(CapturedOutput output) throws Exception {
    // given a request, its status page, refused and accepted actions, with request logging on DEBUG
    Visitor customer = new Visitor("198.51.100.6");
    String status = submit(customer);
    String ticketId = status.replaceAll(".*/tickets/([^?]+)\\?.*", "$1");
    String token = status.replaceAll(".*token=", "");
    assertThat(customer.get(status).statusCode()).isEqualTo(200);
    assertThat(customer.post("/tickets/" + ticketId + "/reply",
        customer.withToken(Map.of("token", token, "message", "hello"))).statusCode()).isEqualTo(409);
    assertThat(customer.post("/tickets/" + ticketId + "/confirm",
        customer.withToken(Map.of("token", token))).statusCode()).isEqualTo(409);
    var cancelled = customer.post("/tickets/" + ticketId + "/cancel", customer.withToken(Map.of("token", token)));
    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(customer.get(cancelled.headers().firstValue("Location").orElseThrow()).body())
        .contains("We have your cancellation");

    // then the requests were logged, but never with the token
    assertThat(output.getAll()).contains("/tickets/" + ticketId).doesNotContain(token);
  }
}
