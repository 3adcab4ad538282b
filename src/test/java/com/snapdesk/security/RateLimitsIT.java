package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.SnapdeskTestData;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limits over HTTP on the whole app, with small limits: per client address (as the trusted proxy reports
 * it) and per typed recipient, the portal and the API counting together. RateLimitsClusterIT shows two nodes
 * sharing the count with the production defaults.
 */
@EmbeddedAppTest
@TestPropertySource(properties = {
    "snapdesk.rate-limits.per-address.submissions=3",
    "snapdesk.rate-limits.per-recipient.submissions=2"})
class RateLimitsIT {

  private static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> api(String address, String email) throws Exception {
    String body = json.writeValueAsString(SnapdeskTestData.request().with("customerEmail", email).fields());
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tickets"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The request form as a browser sends it: the page first (session and CSRF token), then the form. */
  private HttpResponse<String> portal(String address, String email) throws Exception {
    var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
        .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
    Matcher cookie = COOKIE.matcher(page.headers().firstValue("Set-Cookie").orElseThrow());
    Matcher token = CSRF.matcher(page.body());
    assertThat(cookie.find() && token.find()).isTrue();
    Map<String, String> form = SnapdeskTestData.request().environment("staging").at("2026-11-20", "14:30")
        .with("customerEmail", email).fields();
    form.put("_csrf", token.group(1));
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
        .header("Cookie", cookie.group(1) + "=" + cookie.group(2))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private int tickets() {
    return jdbc.sql("select count(*) from ticket").query(Integer.class).single();
  }

  private static boolean accepted(HttpResponse<String> response) {
    return response.statusCode() == 201 || response.statusCode() == 202 || response.statusCode() == 302;
  }

  @Test
  void theApiRefusesAnAddressBeyondItsLimitWithProblemJsonAndRetryAfter() throws Exception {
    // given an address that sent three requests (for three recipients)
    for (int i = 0; i < 3; i++) {
      var sent = api("203.0.113.30", "address-" + i + "@acme.example");
      assertThat(accepted(sent)).as(sent.body()).isTrue();
    }
    int before = tickets();

    // when it sends a fourth
    var refused = api("203.0.113.30", "address-3@acme.example");

    // then it is a 429 problem saying when to try again, and nothing is stored
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    long retryAfter = refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
    assertThat(retryAfter).isBetween(1L, 15 * 60L);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("type").asText()).isEqualTo("https://snapdesk.example/problems/too-many-requests");
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    assertThat(problem.get("detail").asText()).contains("from this address");
    assertThat(tickets()).isEqualTo(before);

    // while another address is served
    assertThat(accepted(api("203.0.113.31", "address-3@acme.example"))).isTrue();
  }

  @Test
  void aRecipientIsCountedAcrossPortalAndApiAndA429SaysNothingOfWhetherItIsAContact() throws Exception {
    // given two requests naming the contact, from two places, through the API and the portal (another case)
    assertThat(accepted(api("198.51.100.40", SnapdeskTestData.ACME_CONTACT))).isTrue();
    var viaPortal = portal("198.51.100.41", SnapdeskTestData.ACME_CONTACT.toUpperCase());
    assertThat(accepted(viaPortal)).as(viaPortal.body()).isTrue();
    // and two naming an address that is no one's contact
    assertThat(accepted(api("198.51.100.40", "stranger@elsewhere.example"))).isTrue();
    assertThat(accepted(api("198.51.100.41", "stranger@elsewhere.example"))).isTrue();
    int before = tickets();

    // when a third request names each, from yet another place
    var contact = api("198.51.100.42", SnapdeskTestData.ACME_CONTACT);
    var stranger = api("198.51.100.43", "Stranger@Elsewhere.example");

    // then both are refused alike (the answer tells nothing about contacts), and nothing is stored
    assertThat(contact.statusCode()).isEqualTo(429);
    assertThat(stranger.statusCode()).isEqualTo(429);
    assertThat(json.readTree(stranger.body()).get("detail")).isEqualTo(json.readTree(contact.body()).get("detail"));
    assertThat(json.readTree(contact.body()).get("detail").asText()).contains("for this email address");
    assertThat(contact.headers().firstValue("Retry-After")).isPresent();
    assertThat(tickets()).isEqualTo(before);

    // and the portal says so in words, keeping nothing either
    var page = portal("198.51.100.44", SnapdeskTestData.ACME_CONTACT);
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L)).isPositive();
    assertThat(page.body()).contains("Too many attempts", "this email address", "Please wait about")
        .doesNotContain("contact");
    assertThat(tickets()).isEqualTo(before);
  }
}
