package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.EmbeddedAppTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind the TLS-terminating proxy (here: loopback, trusted by default) the scheme it reports is honoured, so the
 * portal's session cookie is Secure over HTTPS. UntrustedProxyIT shows the same headers from anyone else count
 * for nothing.
 */
@EmbeddedAppTest
class TrustedProxyIT {

  @LocalServerPort int port;

  static String sessionCookie(int port, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).GET();
    if (headers.length > 0) request.headers(headers);
    HttpResponse<String> page = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    return page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElseThrow(() -> new AssertionError("the portal set no session cookie"));
  }

  @Test
  void sessionCookieIsSecureWhenTheTrustedProxyServedHttps() throws Exception {
    assertThat(sessionCookie(port, "X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.7"))
        .contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void sessionCookieIsNotSecureOverPlainHttp() throws Exception {
    assertThat(sessionCookie(port)).doesNotContain("Secure").contains("HttpOnly");
  }
}
