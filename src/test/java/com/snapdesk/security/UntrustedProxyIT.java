package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.EmbeddedAppTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * When the only trusted proxy is another host, a client's own X-Forwarded-* headers are ignored: it cannot claim
 * HTTPS, and cannot pick a fresh address per request to slip past the portal's rate limit.
 */
@EmbeddedAppTest
@TestPropertySource(properties = {
    "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1",
    "snapdesk.portal.submissions-per-client=2"})
class UntrustedProxyIT {

  @LocalServerPort int port;

  @Test
  void forwardedSchemeFromAnUntrustedClientDoesNotCount() throws Exception {
    assertThat(TrustedProxyIT.sessionCookie(port, "X-Forwarded-Proto", "https")).doesNotContain("Secure");
  }

  @Test
  void forwardedAddressesFromAnUntrustedClientShareOneRateLimit() throws Exception {
    var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    int[] statuses = new int[3];
    for (int i = 0; i < 3; i++) {
      // each form from "another" address, as the client claims
      var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
          HttpResponse.BodyHandlers.ofString());
      String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(csrf.find()).isTrue();
      String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&customerEmail=x";
      statuses[i] = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
          .header("X-Forwarded-For", "203.0.113." + (i + 1))
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
    // then the third form is refused: all three came from one address
    assertThat(statuses[2]).isEqualTo(429);
  }
}
