package com.snapdesk.sla.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.Browser;
import com.snapdesk.support.FixedClockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The acceptance walk of the SLA dashboard in a real browser (headless Chromium): the embedded app with
 * its demo tickets, the demo manager logs into Cockpit, opens "SLA" and finds the seeded figures; a lead
 * (who may use Cockpit but is no manager) is turned away. Screenshots land in target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:sla-browser;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.mail.outbox-dir=target/it-sla-browser/outbox",
    "snapdesk.local.recovery-dir=target/it-sla-browser/recovery",
    "snapdesk.demo.tickets=true"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
class SlaDashboardBrowserIT {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  private ChromeDriver browser;
  private Browser session;

  @BeforeEach
  void openBrowser() {
    Browser.assumeInstalled();
    session = Browser.start();
    browser = session.driver();
    browser.manage().window().setSize(new Dimension(1440, 1000));
  }

  @AfterEach
  void closeBrowser() {
    if (session != null) session.close();
  }

  @Test
  void managerSeesTheSeededSlaFiguresInCockpit() throws Exception {
    // given the demo tickets, once the demo agents have claimed, approved and asked
    JsonNode api = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .until(this::dashboardAsMona, d -> d.get("workload").findValuesAsText("assignee").containsAll(List.of(
            "alice", "bob")) && d.get("openTickets").findValuesAsText("status").contains("AWAITING_CUSTOMER")
            && d.get("workload").findValues("leadApprovals").stream().mapToLong(JsonNode::asLong).sum() == 1);

    // when the demo manager logs into Cockpit
    logIn("mona");

    // then the Cockpit dashboard has the SLA panel, with the same counts
    WebElement panel = waitFor(By.id("sla-dashboard-panel"));
    assertThat(textOf(panel)).contains(api.at("/summary/breached").asText() + " breached",
        api.at("/summary/atRisk").asText() + " at risk", api.at("/summary/onTrack").asText() + " on track");
    screenshot("sla-cockpit-dashboard.png", "sla-dashboard-panel");

    // when she opens "SLA" from the menu
    browser.findElement(By.id("sla-menu-link")).click();
    waitFor(By.cssSelector("#sla-open-tickets tbody tr"));

    // then breached and at-risk tickets come first, with their remaining or overdue time
    List<WebElement> rows = browser.findElements(By.cssSelector("#sla-open-tickets tbody tr"));
    List<String> risks = rows.stream().map(r -> r.getAttribute("data-risk")).toList();
    assertThat(risks).as("the demo has tickets in every state").contains("BREACHED", "AT_RISK", "ON_TRACK");
    assertThat(risks).isSortedAccordingTo((a, b) -> order(a) - order(b));
    assertThat(textOf(rows.get(0))).contains("Breached", "overdue");
    assertThat(rows.stream().map(r -> r.getAttribute("data-ticket")).toList())
        .containsExactlyElementsOf(api.get("openTickets").findValuesAsText("ticketId"));
    assertThat(text("sla-count-breached")).startsWith(api.at("/summary/breached").asText());
    assertThat(api.at("/summary/breached").asInt()).isEqualTo(2);
    assertThat(api.at("/summary/atRisk").asInt()).isEqualTo(3);
    assertThat(api.at("/summary/onTrack").asInt()).isEqualTo(3);
    assertThat(text("sla-open-tickets")).contains("(paused)", "alice", "bob", "unassigned");

    // and the last 30 days' met and breached counts are those of the seeded history
    for (String clock : List.of("FIRST_RESPONSE", "DELIVERY")) {
      Map<String, Long> seeded = seededOutcomes(clock);
      WebElement row = browser.findElement(By.cssSelector("#sla-figures tr[data-clock=" + clock + "]"));
      assertThat(figure(row, "met")).as(clock + " met").isEqualTo(String.valueOf(seeded.get("MET")));
      assertThat(figure(row, "breached")).as(clock + " breached").isEqualTo(String.valueOf(seeded.get("BREACHED")));
      double metPercent = Math.round(1000.0 * seeded.get("MET") / (seeded.get("MET") + seeded.get("BREACHED"))) / 10.0;
      assertThat(figure(row, "metPercent")).isEqualTo("%.1f %%".formatted(metPercent));
      assertThat(figure(row, "p50")).isNotEqualTo("–");
      assertThat(figure(row, "p90")).isNotEqualTo("–");
    }
    assertThat(text("sla-period-title")).isEqualTo("Last 30 days, all environments");

    // and the trend charts show, week by week, what the event log recorded
    chartsShowTheRecordedWeeks(api);
    assertThat(browser.findElements(By.cssSelector("#sla-workload tbody tr")).stream()
        .map(r -> r.getAttribute("data-assignee")).toList())
        .as("workload rows (\"\" for unassigned), oldest first")
        .containsExactlyElementsOf(assignees(api))
        .containsExactlyInAnyOrder("", "alice", "bob");
    assertThat(text("sla-no-incidents")).isEqualTo("No open incidents.");
    assertThat(browser.findElements(By.cssSelector("#sla-drills tbody tr")).stream()
        .map(r -> r.getAttribute("data-outcome")).toList())
        .as("the Restore drills section, before any drill ran: every Pro environment untested").isNotEmpty()
        .containsOnly("NEVER_TESTED");
    screenshot("sla-dashboard.png", "sla-dashboard");

    // when she sorts by ticket id, the order follows
    browser.findElement(By.cssSelector("#sla-open-tickets th[data-sort=ticketId]")).click();
    List<String> sorted = browser.findElements(By.cssSelector("#sla-open-tickets tbody tr")).stream()
        .map(r -> r.getAttribute("data-ticket")).toList();
    assertThat(sorted).isSorted();

    // and a ticket links to its process instance in Cockpit
    WebElement link = browser.findElement(By.cssSelector("#sla-open-tickets tbody tr a"));
    assertThat(link.getAttribute("href")).contains("#/process-instance/");
    link.click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/process-instance/"));
    waitFor(By.cssSelector(".process-instance-runtime, [cam-widget-bpmn-viewer], .ctn-content"));
  }

  @Test
  void leadsUseCockpitButNotTheSlaDashboard() {
    // given a support lead, who may open Cockpit
    logIn("leo");

    // when opening the SLA page directly
    browser.get(cockpit() + "#/sla");

    // then it says whose page it is, and shows no figures
    assertThat(waitFor(By.id("sla-error")).getText()).contains("for managers and administrators");
    assertThat(browser.findElements(By.id("sla-open-tickets"))).isEmpty();
  }

  @Test
  void agentsCannotOpenCockpitAndFindTheSlaFiltersInTasklist() throws Exception {
    // given the demo agent
    // when she tries to log into Cockpit
    browser.get(cockpit());
    signIn("alice");

    // then Cockpit refuses her, and its SLA data is not hers either
    waitFor(By.xpath("//*[contains(text(), 'Login Failed')]"));
    assertThat(browser.findElements(By.id("sla-menu-link"))).isEmpty();

    // when she logs into Tasklist instead
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    signIn("alice");

    // then the SLA filters are there for her, without the leads' one
    try {
      waitFor(By.xpath("//*[contains(text(), 'Unassigned reviews')]"));
    } catch (RuntimeException e) {
      screenshot("sla-tasklist-failure.png", "none"); // what the agent saw instead
      throw e;
    }
    String page = textOf(browser.findElement(By.cssSelector("[cam-tasklist-filters]")));
    assertThat(page).contains("My tickets", "Unassigned reviews", "Production", "Due within 1 h", "Overdue")
        .doesNotContain("Lead approvals");

    // and the list is sorted by due date, earliest first, and shows the demo's open reviews
    browser.findElement(By.xpath("//*[contains(text(), 'Unassigned reviews')]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("dueDate"));
    waitFor(By.cssSelector(".tasks-list li.task"));
    assertThat(textOf(browser.findElement(By.cssSelector(".tasks-list")))).contains("Due date", "Review request");
    waitFor(By.xpath("//*[contains(@class, 'tasks-list')]//*[contains(text(), 'SD-')]"));
    assertThat(textOf(browser.findElement(By.cssSelector(".tasks-list")))).contains("Ticket", "Environment",
        "Requested time");
    screenshot("sla-tasklist-filters.png", "cam-tasklist-filters-anchor");

    // when she opens one of the reviews
    browser.findElement(By.xpath("//*[contains(@class, 'tasks-list')]//li[contains(@class, 'task')]"
        + "[.//*[contains(text(), 'Review request')]]")).click();

    // then Tasklist shows the review form with the request and the recovery points either side of it
    waitFor(By.xpath("//label[contains(., 'Recovery point before')]"));
    String form = textOf(browser.findElement(By.cssSelector(".task-details, [cam-tasklist-task]")));
    assertThat(form).contains("Requested time (UTC)", "Recovery point after", "Decision");
    screenshot("sla-tasklist-review.png", ".fjs-container");
  }

  /**
   * Every environment's met % and p90 bars, and the figures table under each chart, against the MET and BREACHED
   * rows of that week in {@code sla_event}; the drill chart against {@code restore_drill} (none finished yet).
   */
  private void chartsShowTheRecordedWeeks(JsonNode api) {
    List<String> weeks = new ArrayList<>();
    for (JsonNode w : api.at("/trends/weekStarts")) weeks.add(w.asText().substring(0, 10));
    assertThat(weeks).hasSize(12).last().isEqualTo(FixedClockConfiguration.NOW.atOffset(ZoneOffset.UTC).toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toString());
    List<String> environments = new ArrayList<>();
    api.at("/trends/environments").forEach(e -> environments.add(e.get("environment").asText()));
    assertThat(environments).as("the demo's history has production tickets").contains("production");
    long barsWithFigures = 0;
    for (String env : environments) {
      WebElement met = browser.findElement(By.id("sla-trend-met-" + env));
      WebElement p90 = browser.findElement(By.id("sla-trend-p90-" + env));
      for (WebElement chart : List.of(met, p90)) {
        WebElement svg = chart.findElement(By.cssSelector("svg"));
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(textOf(svg.findElement(By.cssSelector("title")))).isNotBlank();
        assertThat(textOf(svg.findElement(By.cssSelector("desc")))).contains(weeks.get(0), weeks.get(11));
      }
      for (int i = 0; i < 12; i++) {
        var from = java.time.LocalDate.parse(weeks.get(i)).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime();
        var to = i == 11 ? FixedClockConfiguration.NOW.atOffset(ZoneOffset.UTC) : from.plusDays(7).minusNanos(1000);
        for (String clock : List.of("FIRST_RESPONSE", "DELIVERY")) {
          String series = clock.equals("DELIVERY") ? "delivery" : "firstResponse";
          Recorded recorded = recordedWeek(env, clock, from, to);
          String where = env + " " + clock + " week of " + weeks.get(i);
          String bar = "[data-week='" + weeks.get(i) + "'][data-series=" + series + "]";
          String metBar = met.findElement(By.cssSelector(bar)).getAttribute("data-value");
          String p90Bar = p90.findElement(By.cssSelector(bar)).getAttribute("data-value");
          String metCell = textOf(met.findElement(By.cssSelector("tr[data-week='" + weeks.get(i) + "'] td[data-series="
              + series + "]")));
          if (recorded.total() == 0) {
            assertThat(metBar).as(where + ": no bar").isEmpty();
            assertThat(p90Bar).as(where + ": no bar").isEmpty();
            assertThat(metCell).isEqualTo("–");
            continue;
          }
          barsWithFigures++;
          double percent = Math.round(1000.0 * recorded.met() / recorded.total()) / 10.0;
          assertThat(Double.parseDouble(metBar)).as(where + " met %").isEqualTo(percent);
          assertThat(metCell).as(where + " met % in the table").isEqualTo("%.1f %%".formatted(percent));
          assertThat(Long.parseLong(p90Bar)).as(where + " p90 seconds").isEqualTo(recorded.p90Seconds());
        }
      }
    }
    assertThat(barsWithFigures).as("weeks with finished clocks in the seeded history").isPositive();
    WebElement drills = browser.findElement(By.id("sla-trend-drills"));
    long finishedDrills = jdbc.sql("select count(*) from restore_drill where outcome in ('PASSED', 'FAILED', 'TIMED_OUT')")
        .query(Long.class).single();
    long drawn = drills.findElements(By.cssSelector("rect[data-series]")).stream()
        .mapToLong(r -> Long.parseLong(r.getAttribute("data-value"))).sum();
    assertThat(drawn).as("drills counted in the chart").isEqualTo(finishedDrills);
    assertThat(drills.findElements(By.cssSelector("rect[data-series=passed]"))).hasSize(12);
  }

  record Recorded(long met, long breached, Long p90Seconds) {
    long total() {
      return met + breached;
    }
  }

  /** Ground truth for one week: the event log's MET and BREACHED rows and their p90, straight from SQL. */
  private Recorded recordedWeek(String env, String clock, java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
    return jdbc.sql("""
            select sum(case when type = 'MET' then 1 else 0 end), sum(case when type = 'BREACHED' then 1 else 0 end),
              percentile_cont(0.9) within group (order by elapsed_seconds)
            from sla_event where environment = :env and clock = :clock and type in ('MET', 'BREACHED')
              and occurred_at >= :from and occurred_at <= :to""")
        .param("env", env.toUpperCase(java.util.Locale.ROOT)).param("clock", clock).param("from", from).param("to", to)
        .query((rs, n) -> {
          long met = rs.getLong(1);
          long breached = rs.getLong(2);
          double p90 = rs.getDouble(3);
          return new Recorded(met, breached, rs.wasNull() ? null : Math.round(p90));
        }).single();
  }

  private void logIn(String user) {
    browser.get(cockpit());
    signIn(user);
    waitFor(By.cssSelector("[cam-widget-header] .navbar-nav, .dashboard, #sla-dashboard-panel"));
  }

  private void signIn(String user) {
    // the form is there before Angular listens to it: wait until it can take input
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("form[name=signinForm] button[type=submit]")));
    waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
  }

  private String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The text as written, also below the fold: Cockpit scrolls its content inside a container. */
  private static String textOf(WebElement element) {
    return element.getAttribute("textContent").strip();
  }

  private String text(String id) {
    return textOf(browser.findElement(By.id(id)));
  }

  private static String figure(WebElement row, String name) {
    return textOf(row.findElement(By.cssSelector("[data-figure=" + name + "]")));
  }

  private static List<String> assignees(JsonNode api) {
    List<String> names = new ArrayList<>();
    api.get("workload").forEach(w -> names.add(w.path("assignee").asText("")));
    return names;
  }

  private static int order(String risk) {
    return List.of("BREACHED", "AT_RISK", "ON_TRACK").indexOf(risk);
  }

  private JsonNode dashboardAsMona() throws Exception {
    String body = RestClient.create("http://localhost:" + port).get().uri("/api/sla/dashboard?days=30")
        .headers(h -> h.setBasicAuth("mona", "mona")).retrieve().body(String.class);
    return json.readTree(body);
  }

  /** Ground truth straight from the event log: MET and BREACHED rows of the last 30 days. */
  private Map<String, Long> seededOutcomes(String clock) {
    var from = FixedClockConfiguration.NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
    Map<String, Long> counts = new HashMap<>(Map.of("MET", 0L, "BREACHED", 0L));
    jdbc.sql("select type, count(*) from sla_event where clock = :clock and type in ('MET', 'BREACHED')"
            + " and occurred_at >= :from group by type")
        .param("clock", clock).param("from", from)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /** @param contentId the id (or a CSS selector) of the element whose bottom the picture must reach */
  private void screenshot(String name, String contentId) throws Exception {
    // The whole page, not just the window: Cockpit scrolls inside a container, so make the window tall
    // enough for the content (plus Cockpit's footer), and take the focus ring off the clicked menu entry.
    Number bottom = (Number) browser.executeScript("document.activeElement && document.activeElement.blur();"
        + "var e = document.getElementById(arguments[0]) || document.querySelector(arguments[0]);"
        + "return e ? e.getBoundingClientRect().bottom : 780", contentId);
    browser.manage().window().setSize(new Dimension(1440, Math.min(4000, Math.max(900, bottom.intValue() + 170))));
    new Actions(browser).moveToLocation(1, 1).perform(); // no hover tooltip in the picture
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(new Dimension(1440, 1000));
  }
}
