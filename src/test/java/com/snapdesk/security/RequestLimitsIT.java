package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.EmbeddedAppTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bodies past the documented bounds are refused before any use case sees them, and change nothing. */
@EmbeddedAppTest
class RequestLimitsIT {

  static final int LIMIT = 64 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  private String ticket(String reason) throws Exception {
    return json.writeValueAsString(SnapdeskTestData.request().environment("staging").with("reason", reason).fields());
  }

  private HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  private int tickets() {
    return jdbc.sql("select count(*) from ticket").query(Integer.class).single();
  }

  private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    return json.readTree(response.body());
  }

  @Test
  void aJsonBodyOverTheLimitIs413AndStoresNothing() throws Exception {
    // given a request whose reason alone is larger than 64 KiB
    int before = tickets();
    String body = ticket("x".repeat(LIMIT));

    // when sent with its Content-Length, and again chunked (no length up front)
    var sized = post("/api/tickets", "application/json", HttpRequest.BodyPublishers.ofString(body));
    var streamed = post("/api/tickets", "application/json", chunked(body));

    // then both are refused as too large, and no ticket exists
    assertThat(problem(sized, 413).get("title").asText()).isEqualTo("The request is too large");
    assertThat(problem(streamed, 413).get("errors").get(0).get("field").asText()).isEqualTo("body");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void aChunkedJsonBodyWithinTheLimitIsServedAsUsual() throws Exception {
    var response = post("/api/tickets", "application/json", chunked(ticket("A bad import")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void aPortalFormOverTheLimitIs413AndStoresNothing() throws Exception {
    int before = tickets();
    String form = "customerEmail=" + SnapdeskTestData.ACME_CONTACT + "&reason=" + "x".repeat(LIMIT + 1);
    var response = post("/", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(form));
    problem(response, 413);
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void aChunkedFormIsAskedForItsLength() throws Exception {
    var response = post("/", "application/x-www-form-urlencoded", chunked("customerEmail=ops%40acme.example"));
    problem(response, 411);
  }

  @Test
  void deeplyNestedJsonIs400AndStoresNothing() throws Exception {
    // given a small body nested 40 levels deep
    int before = tickets();
    String nested = "{\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}";

    // then it is refused as a bad request, saying why
    var body = problem(post("/api/tickets", "application/json", HttpRequest.BodyPublishers.ofString(nested)), 400);
    assertThat(body.get("title").asText()).isEqualTo("The request body is nested too deeply");
    assertThat(body.get("errors").get(0).get("message").asText()).contains("nesting depth");
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void camundasOwnPathsKeepTheirLimits() throws Exception {
    // a large body to engine REST reaches Camunda (which asks for a login), not this limit
    var response = post("/engine-rest/deployment/create", "application/json",
        HttpRequest.BodyPublishers.ofString("x".repeat(LIMIT * 2)));
    assertThat(response.statusCode()).isEqualTo(401);
  }
}
