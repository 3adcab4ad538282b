package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.AppNode;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.TwoNodes;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged jar on one PostgreSQL behind a load balancer without sticky sessions: a visitor's
 * requests alternate between them, and the portal's form token and the Camunda login hold on either node.
 */
class SharedSessionsIT {

  static final Path WORK = Path.of("target/shared-sessions-it");
  static final String ADMIN_PASSWORD = "sessions-" + System.nanoTime();
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

  static TwoNodes cluster;
  static AppNode a;
  static AppNode b;

  @BeforeAll
  static void nodes() {
    cluster = TwoNodes.start(WORK, ADMIN_PASSWORD);
    a = cluster.a();
    b = cluster.b();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) cluster.close();
  }


  /** A browser: one cookie jar, whichever node answers. */
  static final class Visitor {
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      if (!cookies.isEmpty()) {
        request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(c -> {
        Matcher m = COOKIE.matcher(c);
        if (m.find()) cookies.put(m.group(1).strip(), m.group(2));
      });
      return response;
    }

    HttpResponse<String> get(AppNode node, String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET());
    }

    HttpResponse<String> postForm(AppNode node, String path, Map<String, String> form, String... headers)
        throws Exception {
      String body = form.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) request.headers(headers);
      return send(request);
    }
  }

  @Test
  void thePortalFormOpenedOnOneNodeIsAcceptedByTheOther() throws Exception {
    // given a customer who opened the form on node a
    var visitor = new Visitor();
    var page = visitor.get(a, "/");
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).isTrue();

    // when the form is sent to node b
    Map<String, String> form = SnapdeskTestData.request().environment("staging").at(AppNode.daysAgo(3), "14:30")
        .fields();
    form.put("_csrf", token.group(1));
    var sent = visitor.postForm(b, "/", form);

    // then b accepts it (a's form token is b's too) and a shows the confirmation b prepared
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    var confirmation = visitor.get(a, "/submitted");
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(confirmation.body()).contains("id=\"check-mailbox\"");
  }

  @Test
  void aCamundaLoginOnOneNodeHoldsOnTheOther() throws Exception {
    // given an administrator who opens Cockpit on node a and logs in on node b
    var visitor = new Visitor();
    visitor.get(a, "/camunda/app/cockpit/default/");
    String xsrf = visitor.cookies.get("XSRF-TOKEN");
    assertThat(xsrf).as("Camunda's CSRF cookie").isNotNull();
    var login = visitor.postForm(b, "/camunda/api/admin/auth/user/default/login/cockpit",
        Map.of("username", "admin", "password", ADMIN_PASSWORD), "X-XSRF-TOKEN", xsrf);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    // then node a knows who is logged in
    var whoAmI = visitor.get(a, "/camunda/api/admin/auth/user/default");
    assertThat(whoAmI.statusCode()).as(whoAmI.body()).isEqualTo(200);
    assertThat(whoAmI.body()).contains("\"userId\":\"admin\"");
  }
}
