package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.AppNode;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.support.TwoNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the packaged jar on one PostgreSQL, with the production defaults (10 submissions per address per
 * 15 minutes, 5 per recipient per hour): a client whose requests a load balancer spreads over both nodes gets no
 * more than one node would allow.
 */
class RateLimitsClusterIT {

  static final Path WORK = Path.of("target/rate-limits-cluster-it");
  static final String ADMIN_PASSWORD = "limits-" + System.nanoTime();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

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


  /** A submission as the load balancer (loopback, the trusted proxy) forwards it for {@code address}. */
  static HttpResponse<String> submit(AppNode node, String address, String email) throws Exception {
    String body = JSON.writeValueAsString(SnapdeskTestData.request().environment("staging")
        .at(AppNode.daysAgo(3), "14:30").with("customerEmail", email).fields());
    return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/tickets"))
        .header("Content-Type", "application/json").header("X-Forwarded-For", address)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static int tickets() {
    return JdbcClient.create(cluster.database()).sql("select count(*) from ticket")
        .query(Integer.class).single();
  }

  @Test
  void oneAddressGetsTenSubmissionsFromBothNodesTogether() throws Exception {
    // given ten submissions from one address (each for another recipient), alternating between the nodes
    for (int i = 0; i < 10; i++) {
      var sent = submit(i % 2 == 0 ? a : b, "203.0.113.60", "buyer-" + i + "@acme.example");
      assertThat(sent.statusCode()).as("submission %d: %s", i + 1, sent.body()).isIn(201, 202);
    }
    int before = tickets();

    // when an eleventh reaches either node, then it is refused there, with when to try again
    for (AppNode node : new AppNode[] {a, b}) {
      var refused = submit(node, "203.0.113.60", "buyer-10@acme.example");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L))
          .isBetween(1L, 15 * 60L);
    }
    assertThat(tickets()).isEqualTo(before);
  }

  @Test
  void oneRecipientGetsFiveRequestsFromBothNodesTogether() throws Exception {
    // given five requests naming the contact, from five places, alternating between the nodes
    for (int i = 0; i < 5; i++) {
      var sent = submit(i % 2 == 0 ? a : b, "198.51.100." + (70 + i), SnapdeskTestData.ACME_CONTACT);
      assertThat(sent.statusCode()).as("request %d: %s", i + 1, sent.body()).isIn(201, 202);
    }

    // when a sixth names it (in capitals) from a new place, on either node, then it is refused
    for (AppNode node : new AppNode[] {a, b}) {
      var refused = submit(node, "198.51.100.80", SnapdeskTestData.ACME_CONTACT.toUpperCase());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("for this email address");
      assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L))
          .isBetween(1L, 3600L);
    }
  }
}
