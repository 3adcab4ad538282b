package com.snapdesk.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaTracker;
import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.FixedClockConfiguration;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The dashboard's data and Actuator over HTTP, on the whole app: who may see them, and what they say
 * about a hand-made SLA history and a live ticket while the engine's clock is moved.
 */
@EmbeddedAppTest
@AutoConfigureObservability(tracing = false) // Spring Boot tests turn metrics export (Prometheus) off otherwise
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlaDashboardIT {

  static final Instant NOW = FixedClockConfiguration.NOW;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired SlaTracker sla;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @AfterEach
  void pinTheClockAgain() {
    FixedClockConfiguration.pin();
  }

  private RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
  }

  private ResponseEntity<String> get(String path, String user) {
    return http().get().uri(path).headers(h -> { if (user != null) h.setBasicAuth(user, user); })
        .retrieve().toEntity(String.class);
  }

  private JsonNode dashboard(String query) throws Exception {
    var response = get("/api/sla/dashboard" + query, "mona");
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  @Test
  @Order(1)
  void onlyManagersAndAdministratorsSeeTheSlaFigures() throws Exception {
    // given no login, an agent, a lead, the demo manager and the administrator
    // when each asks for the dashboard data
    // then anonymous callers must log in, agents and leads are refused, managers and admins are served
    var anonymous = get("/api/sla/dashboard", null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
    assertThat(anonymous.getHeaders().containsKey("WWW-Authenticate"))
        .as("no browser login popup inside Cockpit").isFalse();
    assertThat(get("/api/sla/dashboard", "alice").getStatusCode().value()).isEqualTo(403);
    assertThat(get("/api/sla/dashboard", "leo").getStatusCode().value()).isEqualTo(403);
    // (a wrong password delays the next logins of that user: tried with an account the test needs no more)
    assertThat(http().get().uri("/api/sla/dashboard").headers(h -> h.setBasicAuth("bob", "wrong"))
        .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
    assertThat(get("/api/sla/dashboard", "mona").getStatusCode().value()).isEqualTo(200);
    assertThat(get("/api/sla/dashboard", "admin").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void theCockpitSessionOfAManagerIsEnough() throws Exception {
    // given the demo manager and the demo lead logged into Cockpit (no HTTP Basic afterwards)
    // when the page's script calls the dashboard data with the session cookie
    // then the manager is served and the lead refused
    assertThat(withCockpitSession("mona", "/api/sla/dashboard")).isEqualTo(200);
    assertThat(withCockpitSession("leo", "/api/sla/dashboard")).isEqualTo(403);
  }

  @Test
  @Order(3)
  void periodFiguresCountMetAndBreachedClocksWithoutPausedTime() throws Exception {
    // given finished tickets recorded at moments of the engine clock
    ticket("SD-HIST0001", Environment.PRODUCTION, NOW.minus(Duration.ofDays(10)), 30, null, 5 * 60);
    // first response 90 min (breached); delivery after 10 h of which 2 h waiting on the customer: 8 h, met
    ticket("SD-HIST0002", Environment.PRODUCTION, NOW.minus(Duration.ofDays(3)), 90, Duration.ofHours(2), 10 * 60);
    ticket("SD-HIST0003", Environment.STAGING, NOW.minus(Duration.ofDays(20)), 120, null, 30 * 60);
    ticket("SD-HIST0004", Environment.PRODUCTION, NOW.minus(Duration.ofDays(40)), 10, null, 60);
    FixedClockConfiguration.pin();

    // when asking for the last 30 days, all environments
    JsonNode all = dashboard("?days=30").get("period");

    // then met/breached, percentages and percentiles are those of the three tickets inside the period
    assertThat(all.get("environment").asText()).isEqualTo("all");
    assertFigures(all.get("firstResponse"), 2, 1, 66.7, 5400, 6840, 7200);
    assertFigures(all.get("delivery"), 2, 1, 66.7, 8 * 3600, 92_160, 30 * 3600);

    // and a shorter period, another environment and a longer period change what counts
    assertFigures(dashboard("?days=7").at("/period/firstResponse"), 0, 1, 0.0, 5400, 5400, 5400);
    JsonNode production = dashboard("?days=30&environment=production").get("period");
    assertThat(production.get("environment").asText()).isEqualTo("production");
    assertFigures(production.get("firstResponse"), 1, 1, 50.0, 3600, 5040, 5400);
    assertThat(dashboard("?days=90").at("/period/firstResponse/met").asInt()).isEqualTo(3);

    // and the trend charts' weeks hold the same clocks: all four are within the 12 weeks, each in its week
    JsonNode trends = dashboard("").get("trends");
    assertThat(trends.get("weekStarts")).hasSize(12);
    JsonNode productionWeeks = trendWeeks(trends, "production");
    assertThat(sum(productionWeeks, "/firstResponse/met")).isEqualTo(2);
    assertThat(sum(productionWeeks, "/firstResponse/breached")).isEqualTo(1);
    assertThat(sum(trendWeeks(trends, "staging"), "/firstResponse/met")).isEqualTo(1);
    Instant breachedAnswer = NOW.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(90));
    JsonNode week = productionWeeks.get(weekOf(trends, breachedAnswer));
    assertThat(week.at("/firstResponse/breached").asInt()).as(week.toString()).isEqualTo(1);
    assertThat(week.at("/firstResponse/maxSeconds").asLong()).isEqualTo(5400);

    // and nonsense is refused
    assertThat(get("/api/sla/dashboard?environment=prod", "mona").getStatusCode().value()).isEqualTo(400);
    assertThat(get("/api/sla/dashboard?days=0", "mona").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  @Order(4)
  void anOpenTicketMovesFromOnTrackToAtRiskToBreachedAsTheEngineClockMoves() throws Exception {
    // given a production ticket submitted now, waiting in review
    String ticketId = submit();
    var review = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(ticketId).taskDefinitionKey("Task_ReviewRequest").singleResult(), t -> t != null);

    // then it is on track, unassigned, with the hour of its first-response target left
    JsonNode row = openTicket(dashboard(""), ticketId);
    assertThat(row.get("risk").asText()).isEqualTo("ON_TRACK");
    assertThat(row.get("clock").asText()).isEqualTo("FIRST_RESPONSE");
    assertThat(row.get("remainingSeconds").asLong()).isEqualTo(3600);
    assertThat(row.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    assertThat(row.get("unassignedTask").asBoolean()).isTrue();
    assertThat(row.get("processInstanceId").asText()).isEqualTo(review.getProcessInstanceId());

    // when 50 minutes pass (and the escalation timer at 45 minutes has fired)
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(50))));
    awaitJobsDone(review.getProcessInstanceId());

    // then it is at risk with 10 minutes left, first in the list, and its review is the oldest unassigned work
    JsonNode atRisk = dashboard("");
    row = openTicket(atRisk, ticketId);
    assertThat(row.get("risk").asText()).isEqualTo("AT_RISK");
    assertThat(row.get("remainingSeconds").asLong()).isEqualTo(600);
    assertThat(row.get("usedPercent").asLong()).isEqualTo(83);
    assertThat(atRisk.at("/summary/atRisk").asInt()).isEqualTo(1);
    assertThat(atRisk.at("/workload/0/assignee").isMissingNode()).as("unassigned group").isTrue();
    assertThat(atRisk.at("/workload/0/reviews").asInt()).isEqualTo(1);
    assertThat(atRisk.at("/workload/0/oldestAgeSeconds").asLong()).isEqualTo(50 * 60);

    // when two hours have passed and the retrieval backend failed on it
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(2))));
    awaitJobsDone(review.getProcessInstanceId());
    runtime.createIncident("failedJob", review.getExecutionId(), "test", "Backend unreachable");
    ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(10))));

    // then it is breached and overdue by 70 minutes, and the incident shows with its age
    JsonNode breached = dashboard("");
    row = openTicket(breached, ticketId);
    assertThat(row.get("risk").asText()).isEqualTo("BREACHED");
    assertThat(row.get("remainingSeconds").asLong()).isEqualTo(-70 * 60);
    assertThat(row.get("incidents").asInt()).isEqualTo(1);
    assertThat(breached.get("incidents")).hasSize(1);
    assertThat(breached.at("/incidents/0/ticketId").asText()).isEqualTo(ticketId);
    assertThat(breached.at("/incidents/0/message").asText()).isEqualTo("Backend unreachable");
    assertThat(breached.at("/incidents/0/ageSeconds").asLong()).isEqualTo(600);

    // when the agent finally answers
    String breaches = "snapdesk_sla_breaches_total{clock=\"first_response\",environment=\"production\"}";
    String timer = "snapdesk_sla_time_to_first_response_seconds_count{environment=\"production\",outcome=\"breached\"}";
    double breachesBefore = metric(breaches);
    double timerBefore = metric(timer);
    tasks.claim(review.getId(), "alice");
    tasks.complete(review.getId(), Map.of("decision", "ask-customer", "decisionNote", "Which store view?"));

    // then the first response counts as breached in the metrics, and the ticket waits on the customer, paused
    await().atMost(Duration.ofSeconds(30)).until(() -> metric(breaches), n -> n == breachesBefore + 1);
    assertThat(metric(timer)).isEqualTo(timerBefore + 1);
    JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(() -> openTicket(dashboard(""), ticketId),
        r -> r.get("paused").asBoolean());
    assertThat(waiting.get("clock").asText()).isEqualTo("DELIVERY");
  }

  @Test
  @Order(5)
  void prometheusListsTheSlaMetricsToManagersOnly() {
    // given the running app
    // when scraping as anonymous, as an agent and as the demo manager
    var anonymous = prometheus(null);
    var agent = prometheus("alice");
    var manager = prometheus("mona");

    // then only the manager gets the metrics, including the SLA ones
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(agent.getStatusCode().value()).isEqualTo(403);
    assertThat(manager.getStatusCode().value()).isEqualTo(200);
    assertThat(manager.getBody()).contains("snapdesk_tickets_open{node=\"", "snapdesk_mails_waiting{node=\"");
    assertThat(withoutNode(manager.getBody())).contains("snapdesk_tickets_open{status=\"awaiting_approval\"}",
        "snapdesk_tickets_open_sla{state=\"breached\"}", "snapdesk_sla_time_to_delivery_seconds_count",
        "snapdesk_sla_escalations_total{clock=\"first_response\",environment=\"production\"}");
    assertThat(get("/actuator/metrics", null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  @Order(6)
  void healthIsOpenAndShowsDatabaseMailAndBackupBackendDetailsToManagers() throws Exception {
    // given the running app
    // when a load balancer and the demo manager ask for health
    JsonNode anonymous = json.readTree(get("/actuator/health", null).getBody());
    JsonNode manager = json.readTree(get("/actuator/health", "mona").getBody());

    // then both see the components and their status; only the manager sees details
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("components").fieldNames()).toIterable()
        .contains("db", "mailTransport", "recoveryBackend");
    assertThat(anonymous.at("/components/recoveryBackend/details").isMissingNode()).isTrue();
    assertThat(manager.at("/components/recoveryBackend/status").asText()).isEqualTo("UP");
    assertThat(manager.at("/components/recoveryBackend/details/projects").asInt()).isGreaterThan(0);
    assertThat(manager.at("/components/mailTransport/details/transport").asText()).isEqualTo("outbox");
    assertThat(manager.at("/components/db/details/database").asText()).isEqualTo("H2");
  }

  /** Moving the clock makes timers due; the job executor runs them before the test goes on. */
  private void awaitJobsDone(String processInstanceId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(processInstanceId)
        .executable().count() == 0);
  }

  /** The value of one series in the Prometheus scrape, 0 when absent. */
  /** The scrape without the {@code node} tag every metric carries (the node's id), so series read as in the README. */
  private static String withoutNode(String scrape) {
    return scrape.replaceAll(",node=\"[^\"]*\"", "").replaceAll("\\{node=\"[^\"]*\",", "{")
        .replaceAll("\\{node=\"[^\"]*\"}", "");
  }

  private double metric(String series) {
    return withoutNode(prometheus("mona").getBody()).lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).orElse(0.0);
  }

  private ResponseEntity<String> prometheus(String user) {
    return get("/actuator/prometheus", user);
  }

  private static JsonNode trendWeeks(JsonNode trends, String environment) {
    for (JsonNode e : trends.get("environments")) {
      if (e.get("environment").asText().equals(environment)) return e.get("weeks");
    }
    throw new AssertionError(environment + " has no trend: " + trends);
  }

  private static int sum(JsonNode weeks, String pointer) {
    int total = 0;
    for (JsonNode w : weeks) total += w.at(pointer).asInt();
    return total;
  }

  /** The index of the week (Monday 00:00 UTC) that holds {@code instant}. */
  private static int weekOf(JsonNode trends, Instant instant) {
    int index = -1;
    JsonNode starts = trends.get("weekStarts");
    for (int i = 0; i < starts.size(); i++) {
      if (!Instant.parse(starts.get(i).asText()).isAfter(instant)) index = i;
    }
    return index;
  }

  private void assertFigures(JsonNode f, int met, int breached, double metPercent, long p50, long p90, long max) {
    assertThat(f.get("met").asInt()).as("met").isEqualTo(met);
    assertThat(f.get("breached").asInt()).as("breached").isEqualTo(breached);
    assertThat(f.get("metPercent").asDouble()).as("met %").isEqualTo(metPercent);
    assertThat(f.get("p50Seconds").asLong()).as("p50").isEqualTo(p50);
    assertThat(f.get("p90Seconds").asLong()).as("p90").isEqualTo(p90);
    assertThat(f.get("maxSeconds").asLong()).as("max").isEqualTo(max);
  }

  /** A finished ticket, recorded as it happened by moving the engine clock; minutes from submission. */
  private void ticket(String id, Environment env, Instant submitted, int firstResponseMinutes, Duration waiting,
                      int deliveryMinutes) {
    at(submitted, () -> sla.start(id, env));
    Instant answered = submitted.plus(Duration.ofMinutes(firstResponseMinutes));
    at(answered, () -> sla.stop(id, SlaClockKind.FIRST_RESPONSE));
    if (waiting != null) {
      at(answered, () -> sla.pause(id, "AWAITING_CUSTOMER"));
      at(answered.plus(waiting), () -> sla.resume(id));
    }
    at(submitted.plus(Duration.ofMinutes(deliveryMinutes)), () -> sla.stop(id, SlaClockKind.DELIVERY));
  }

  private static void at(Instant instant, Runnable action) {
    ClockUtil.setCurrentTime(Date.from(instant));
    action.run();
  }

  private String submit() throws Exception {
    var body = SnapdeskTestData.request().fields();
    var created = http().post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().toEntity(String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(202);
    String id = json.readTree(created.getBody()).get("ticketId").asText();
    Requester.confirm("http://localhost:" + port, id,
        () -> MailMessages.outbox(java.nio.file.Path.of(EmbeddedAppTest.OUTBOX)));
    return id;
  }

  private static JsonNode openTicket(JsonNode dashboard, String ticketId) {
    for (JsonNode t : dashboard.get("openTickets")) {
      if (t.get("ticketId").asText().equals(ticketId)) return t;
    }
    throw new AssertionError(ticketId + " is not among the open tickets: " + dashboard.get("openTickets"));
  }

  /** Logs in the way Cockpit's login page does, then calls {@code path} with the session cookie only. */
  private int withCockpitSession(String user, String path) throws Exception {
    var cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    var login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
