package com.snapdesk.ticket.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.Browser;
import com.snapdesk.support.EmbeddedAppTest;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The customer portal in headless Chromium, as customers use it: the form, its messages, the confirmation, the
 * status page with reply, cancel and confirm, keyboard only, without JavaScript, on a phone and a desktop.
 * Every test leaves screenshots in {@code target/screenshots/}.
 */
@EmbeddedAppTest
@TestPropertySource(properties = "snapdesk.portal.submissions-per-client=1000")
class PortalBrowserIT {

  private static Browser browser;


  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  private String test;

  @BeforeAll
  static void startBrowser() {
    Browser.assumeInstalled();
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) browser.close();
  }

  @BeforeEach
  void reset(TestInfo info) {
    test = info.getTestMethod().orElseThrow().getName();
    browser.desktop();
    browser.driver().manage().deleteAllCookies();
  }

  @AfterEach
  void lastLook() {
    browser.screenshot(test + "-last");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  // ---- filling the form like a person --------------------------------------------------------------------------

  /** What a customer types; null leaves a field alone. */
  private static Map<String, String> validRequest() {
    return SnapdeskTestData.request().environment("staging").at("2026-11-20", "14:30")
        .with("reason", "A bad import deleted products.").fields();
  }

  private void fill(Map<String, String> values) {
    fill(browser, values);
  }

  private static void fill(Browser b, Map<String, String> values) {
    values.forEach((field, value) -> {
      if (value == null) return;
      switch (field) {
        case "environment", "scope", "policy" -> b.find("input[name=" + field + "][value=" + value + "]").click();
        case "requestedDate" -> {
          b.byId(field).clear();
          typeDate(b.byId(field), value);
        }
        case "requestedTime" -> {
          b.byId(field).clear();
          typeTime(b.byId(field), value);
        }
        default -> {
          WebElement input = b.byId(field);
          input.clear();
          if (!value.isEmpty()) input.sendKeys(value);
        }
      }
    });
  }

  private static void typeDate(WebElement input, String isoDate) {
    input.sendKeys(dateKeys(isoDate));
  }

  private static void typeTime(WebElement input, String hhmm) {
    input.sendKeys(timeKeys(hhmm));
  }

  /** Chrome's date field in en-US takes month, day and year as typed digits. */
  private static String dateKeys(String isoDate) {
    String[] p = isoDate.split("-");
    return p[1] + p[2] + p[0];
  }

  /** Chrome's time field in en-US is a 12-hour field: hours, minutes, then A(M) or P(M). */
  private static String timeKeys(String hhmm) {
    int hour = Integer.parseInt(hhmm.substring(0, 2));
    int twelve = hour % 12 == 0 ? 12 : hour % 12;
    return String.format("%02d", twelve) + hhmm.substring(3, 5) + (hour < 12 ? "A" : "P");
  }

  private void submitForm() {
    submitForm(browser);
  }

  /** Sends the form and waits until the next page has replaced it. */
  private static void submitForm(Browser b) {
    WebElement button = b.find("form.request-form button[type=submit]");
    button.click();
    b.awaitGone(button);
    b.awaitLoaded();
  }

  /** Sends the form, then confirms the request as the requester does: the emailed link, the Confirm button. */
  private String sendValidRequest(Map<String, String> values) {
    browser.open(url("/"));
    fill(values);
    submitForm();
    assertThat(browser.driver().getCurrentUrl()).as(browser.pageText()).endsWith("/submitted");
    String link = emailedLink(browser.text(".ticket-id"));
    browser.open(link);
    browser.find("form[action$='/verify'] button").click();
    browser.await(d -> !d.findElements(By.cssSelector(".notice--success")).isEmpty());
    return link;
  }

  /** The private link from the "Confirm your backup request" email, as the requester's mail client shows it. */
  private String emailedLink(String ticketId) {
    String token = Requester.awaitVerificationToken(ticketId, () -> MailMessages.outbox(Path.of(EmbeddedAppTest.OUTBOX)),
        Duration.ofSeconds(30));
    return url("/tickets/" + ticketId + "?token=" + token);
  }

  private String errorBeside(String field) {
    return browser.byId(field + "-error").getText();
  }

  private void assertAnnounced(String field) {
    WebElement input = browser.byId(field);
    assertThat(input.getAttribute("aria-invalid")).as(field + " aria-invalid").isEqualTo("true");
    assertThat(input.getAttribute("aria-describedby")).as(field + " aria-describedby").contains(field + "-error");
    assertThat(browser.find("#error-summary").getAttribute("role")).isEqualTo("alert");
  }

  // ---- the engine REST API, as agents use it ------------------------------------------------------------------

  private RestClient http() {
    return RestClient.builder().baseUrl(url("")).defaultStatusHandler(HttpStatusCode::isError, (q, r) -> {}).build();
  }

  private static String ticketId(String statusLink) {
    return statusLink.replaceAll(".*/tickets/([^?]+)\\?.*", "$1");
  }

  private JsonNode awaitTask(String ticketId, String user, String taskKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode tasks = json.readTree(http().get().uri("/engine-rest/task?processInstanceBusinessKey={id}", ticketId)
          .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class));
      return tasks.size() == 1 && taskKey.equals(tasks.get(0).get("taskDefinitionKey").asText()) ? tasks.get(0) : null;
    }, task -> task != null);
  }

  private void complete(JsonNode task, String user, Map<String, Object> variables) {
    Map<String, Object> typed = new HashMap<>();
    variables.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
    var response = http().post().uri("/engine-rest/task/{id}/complete", task.get("id").asText())
        .headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", typed)).retrieve().toEntity(String.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(204);
  }

  /** Reloads the status page until it shows the status (the process moves on in the background). */
  private void awaitStatusPage(String statusLink, String title) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
      browser.open(statusLink);
      return browser.text("h1");
    }, title::equals);
  }

  // ---- tests ---------------------------------------------------------------------------------------------------

  @Test
  void validRequestAsksToCheckTheMailboxAndOnlyTheEmailedLinksButtonConfirmsIt() {
    // given a customer on the form
    browser.open(url("/"));
    browser.screenshot(test + "-1-empty-form");

    // when they fill in a valid request and send it
    fill(validRequest());
    browser.screenshot(test + "-2-filled");
    submitForm();

    // then the confirmation names the ticket and the moment in their zone and in UTC, asks them to check their
    // mailbox, and holds no link: the link goes only to a registered contact's mailbox
    browser.screenshot(test + "-3-confirmation");
    assertThat(browser.text("h1")).isEqualTo("Now check your mailbox");
    String ticketId = browser.text(".ticket-id");
    assertThat(ticketId).matches("SD-[0-9A-Z]{8}");
    assertThat(browser.pageText()).contains("2026-11-20 14:30 EST (UTC\u221205:00)", "2026-11-20 19:30 UTC",
        SnapdeskTestData.ACME_CONTACT, "Confirm your backup request", "confirm the request");
    assertThat(browser.driver().getPageSource()).doesNotContain("token=");

    // when the requester opens the link from the email (as a mail scanner would, too)
    String link = emailedLink(ticketId);
    browser.open(link);
    browser.screenshot(test + "-4-confirm");

    // then the request is shown with a Confirm button, and opening it confirmed nothing
    assertThat(browser.text("h1")).isEqualTo("Please confirm your request");
    assertThat(browser.text("#verify-title")).isEqualTo("Is this your request?");
    browser.open(link);
    assertThat(browser.text("h1")).isEqualTo("Please confirm your request");

    // when they press Confirm
    browser.find("form[action$='/verify'] button").click();
    browser.await(d -> !d.findElements(By.cssSelector(".notice--success")).isEmpty());

    // then the request is confirmed and waits for an agent; the button is gone
    assertThat(browser.text(".notice--success")).contains("Your request is confirmed");
    awaitStatusPage(link, "Waiting for review");
    assertThat(browser.findAll("form[action$='/verify']")).isEmpty();
    browser.screenshot(test + "-5-status");
  }

  @Test
  void missingFieldsAreEachNamedBesideTheirField() {
    // given an empty form, but for a name: the zone the page's script fills in from the browser's is cleared too, after
    // the page has loaded and checked empty before sending (cleared by a script straight after loading, it was once
    // sent as UTC on CI)
    browser.open(url("/"));
    browser.awaitLoaded();
    fill(Map.of("customerName", "Olga Ops", "timezone", ""));
    assertThat(browser.byId("timezone").getAttribute("value")).isEmpty();

    // when it is sent
    submitForm();

    // then each missing field says so beside it, is marked invalid for screen readers, and the name is kept
    browser.screenshot(test + "-errors");
    assertThat(browser.driver().getTitle()).startsWith("Error:");
    assertThat(errorBeside("customerEmail")).contains("Your email address is required.");
    assertThat(errorBeside("projectId")).contains("The project id is required.");
    assertThat(errorBeside("environment")).contains("Choose an environment.");
    assertThat(errorBeside("requestedDate")).contains("The date is required");
    assertThat(errorBeside("requestedTime")).contains("The time is required");
    assertThat(errorBeside("timezone")).contains("The time zone is required");
    assertThat(errorBeside("reason")).contains("Tell us briefly why you need this backup.");
    assertThat(browser.findAll("#customerName-error")).isEmpty();
    assertThat(browser.byId("customerName").getAttribute("value")).isEqualTo("Olga Ops");
    assertAnnounced("customerEmail");
    assertAnnounced("reason");
    // and the summary, focused first, links to the fields
    assertThat(browser.focused().getAttribute("id")).isEqualTo("error-summary");
    assertThat(browser.findAll("#error-summary a[href='#customerEmail']")).hasSize(1);
  }

  @Test
  void aTimeInTheSpringForwardGapIsExplainedWithTheNextValidTime() {
    // given 02:30 on 2026-03-08 in New York, which never happened
    var request = validRequest();
    request.put("requestedDate", "2026-03-08");
    request.put("requestedTime", "02:30");
    browser.open(url("/"));
    fill(request);

    // when it is sent
    submitForm();

    // then the time field names the gap and the valid time after it, with everything kept
    browser.screenshot(test + "-error");
    assertThat(errorBeside("requestedTime")).contains("02:00\u201303:00 does not exist", "The nearest valid time is 03:00");
    assertAnnounced("requestedTime");
    assertThat(browser.byId("requestedDate").getAttribute("value")).isEqualTo("2026-03-08");
    assertThat(browser.byId("requestedTime").getAttribute("value")).isEqualTo("02:30");
    assertThat(browser.byId("timezone").getAttribute("value")).isEqualTo("America/New_York");
    assertThat(browser.byId("reason").getAttribute("value")).isEqualTo("A bad import deleted products.");
    assertThat(browser.find("input[name=environment][value=staging]").isSelected()).isTrue();
  }

  @Test
  void aTimeInTheFutureIsRefusedBesideTheTime() {
    // given later today (the app's clock says 2026-11-26 12:00 UTC)
    var request = validRequest();
    request.put("requestedDate", "2026-11-26");
    request.put("requestedTime", "23:30");
    request.put("timezone", "UTC");
    browser.open(url("/"));
    fill(request);

    // when it is sent
    submitForm();

    // then the time is refused as being in the future, saying what time it is now
    browser.screenshot(test + "-error");
    assertThat(errorBeside("requestedTime")).contains("is in the future", "It is now 2026-11-26 12:00 UTC");
    assertThat(browser.byId("requestedTime").getAttribute("value")).isEqualTo("23:30");
  }

  @Test
  void anUnknownTimeZoneIsNamedAndAPlaceGetsASuggestion() {
    // given a zone that does not exist, and then a city typed without its region
    var request = validRequest();
    request.put("timezone", "Mars/Olympus_Mons");
    browser.open(url("/"));
    fill(request);
    submitForm();

    // then the zone field says it is unknown, with the input kept
    assertThat(errorBeside("timezone")).contains("Unknown time zone \"Mars/Olympus_Mons\"");
    assertThat(browser.byId("timezone").getAttribute("value")).isEqualTo("Mars/Olympus_Mons");
    assertAnnounced("timezone");

    // when the customer types just the city
    fill(Map.of("timezone", "New York"));
    submitForm();

    // then the message suggests the IANA zone
    browser.screenshot(test + "-suggestion");
    assertThat(errorBeside("timezone")).contains("Did you mean America/New_York?");
  }

  @Test
  void tooLongTextIsRefusedWithItsLengthAndKept() {
    // given a name and a reason longer than the rules allow
    var request = validRequest();
    String reason = "x".repeat(2001);
    request.put("customerName", "N".repeat(201));
    request.put("reason", null);
    browser.open(url("/"));
    fill(request);
    browser.script("document.getElementById('reason').value = arguments[0];", reason);

    // when it is sent
    submitForm();

    // then both say how long they may be, and the text is still there to shorten
    browser.screenshot(test + "-error");
    assertThat(errorBeside("customerName")).contains("Keep your name under 200 characters.");
    assertThat(errorBeside("reason")).contains("Keep the reason under 2000 characters (it has 2001).");
    assertThat(browser.byId("reason").getAttribute("value")).isEqualTo(reason);
    assertThat(browser.byId("customerName").getAttribute("value")).hasSize(201);
  }

  @Test
  void aTimeThatHappenedTwiceIsAskedAboutAndTheChoiceIsStated() {
    // given 01:30 on 2026-11-01 in New York, when the clocks went back
    var request = validRequest();
    request.put("requestedDate", "2026-11-01");
    request.put("requestedTime", "01:30");
    browser.open(url("/"));
    fill(request);

    // when it is sent, the customer is asked which 01:30, the earlier preselected
    submitForm();
    browser.screenshot(test + "-1-question");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(url("/"));
    assertThat(browser.text("#error-summary")).contains("happened twice in America/New_York");
    assertThat(browser.find("label[for=utcOffset]").getText()).isEqualTo("01:30 EDT, UTC\u221204:00");
    assertThat(browser.byId("utcOffset").isSelected()).isTrue();

    // and when they choose the second one
    browser.find("label[for=utcOffset-2]").click();
    submitForm();

    // then the confirmation states how the time was read
    browser.screenshot(test + "-2-confirmation");
    assertThat(browser.pageText()).contains("interpreted as 01:30 EST, UTC\u221205:00, as you chose",
        "2026-11-01 06:30 UTC");
  }

  @Test
  void statusPageShowsTheRequestAndAWrongTokenLooksLikeNoTicket() {
    // given a request sent through the form
    String link = sendValidRequest(validRequest());
    String id = ticketId(link);

    // when its status page is opened, it shows the status, the time both ways, the points and the timeline
    awaitStatusPage(link, "Waiting for review");
    browser.screenshot(test + "-1-status");
    assertThat(browser.pageText()).contains("2026-11-20 14:30 EST (UTC\u221205:00)", "2026-11-20 19:30 UTC",
        "What has happened", "Requested 2026-11-20 14:30", "This is the backup we propose");
    assertThat(browser.findAll("dl.point")).hasSize(1);
    assertThat(browser.text("dl.point")).contains("Taken (UTC)", "2026-11-20 12:00 UTC", "before the requested time");
    assertThat(browser.findAll("form[action$='/cancel']")).hasSize(1);

    // then a wrong token and a ticket that does not exist show the very same page
    browser.open(url("/tickets/" + id + "?token=wrong"));
    String wrongToken = browser.pageText();
    browser.screenshot(test + "-2-wrong-token");
    browser.open(url("/tickets/SD-NOSUCH00?token=wrong"));
    assertThat(browser.pageText()).isEqualTo(wrongToken).contains("We could not find this request");
    browser.open(url("/tickets/" + id));
    assertThat(browser.pageText()).isEqualTo(wrongToken);
  }

  @Test
  void customerAnswersTheAgentsQuestionOnTheStatusPage() {
    // given an agent asks a question about a request
    String link = sendValidRequest(validRequest());
    String id = ticketId(link);
    complete(awaitTask(id, "alice", "Task_ReviewRequest"), "alice",
        Map.of("decision", "ask-customer", "decisionNote", "Which store view lost its products?"));
    awaitStatusPage(link, "Waiting for your answer");
    assertThat(browser.text(".question blockquote")).isEqualTo("Which store view lost its products?");
    assertThat(browser.findAll("form[action$='/cancel']")).hasSize(1);

    // when the customer sends an empty answer, they are told beside the box
    browser.find(".reply-form button").click();
    browser.await(d -> !d.findElements(By.id("message-error")).isEmpty());
    assertThat(errorBeside("message")).contains("Write your answer.");
    assertAnnounced("message");
    browser.screenshot(test + "-1-empty-answer");

    // and when they answer with text that looks like markup
    String answer = "The <b>German</b> one <script>alert(1)</script>";
    browser.byId("message").sendKeys(answer);
    browser.screenshot(test + "-2-answer");
    browser.find(".reply-form button").click();
    browser.await(d -> !d.findElements(By.cssSelector(".notice--success")).isEmpty());

    // then the answer is shown as the text they wrote, and the request goes back to review
    browser.screenshot(test + "-3-sent");
    assertThat(browser.text(".notice--success")).contains("Your answer was sent to the support agent");
    assertThat(browser.findAll(".message--you .customer-text").get(0).getText()).isEqualTo(answer);
    assertThat(browser.findAll(".message b")).isEmpty();
    assertThat(browser.findAll(".message script")).isEmpty();
    awaitTask(id, "alice", "Task_ReviewRequest");
    awaitStatusPage(link, "Waiting for review");
    assertThat(browser.findAll(".reply-form")).isEmpty();
  }

  @Test
  void customerCancelsAfterSayingTheyMeanIt() {
    // given a request waiting for review
    String link = sendValidRequest(validRequest());
    awaitStatusPage(link, "Waiting for review");

    // when the customer opens the cancel section, the button appears only then
    WebElement button = browser.find(".danger-zone button");
    assertThat(button.isDisplayed()).isFalse();
    browser.find(".danger-zone summary").click();
    assertThat(button.isDisplayed()).isTrue();
    browser.screenshot(test + "-1-confirm-cancel");
    button.click();
    browser.await(d -> !d.findElements(By.cssSelector(".notice--success")).isEmpty());

    // then the request is being cancelled, then cancelled, and cancelling is no longer offered
    browser.screenshot(test + "-2-cancelling");
    assertThat(browser.text(".notice--success")).contains("We have your cancellation");
    assertThat(browser.text("h1")).isIn("Being cancelled", "Cancelled");
    assertThat(browser.findAll(".danger-zone")).isEmpty();
    awaitStatusPage(link, "Cancelled");
    browser.screenshot(test + "-3-cancelled");
    assertThat(browser.findAll(".danger-zone")).isEmpty();
  }

  @Test
  void readyRequestShowsWhereTheDataIsAndCanBeConfirmedDone() {
    // given an approved staging request whose data was retrieved
    String link = sendValidRequest(validRequest());
    complete(awaitTask(ticketId(link), "alice", "Task_ReviewRequest"), "alice", Map.of("decision", "approve"));
    awaitStatusPage(link, "Ready");

    // then the page says where the data is and until when, and offers no cancel
    browser.screenshot(test + "-1-ready");
    assertThat(browser.text("#delivery-title")).isEqualTo("Where your data is");
    assertThat(browser.pageText()).contains("/mnt/recovery-", "Available until");
    assertThat(browser.findAll(".danger-zone")).isEmpty();

    // when the customer says they are done
    browser.find("form[action$='/confirm'] button").click();
    browser.await(d -> !d.findElements(By.cssSelector(".notice--success")).isEmpty());

    // then the copy is removed and the request closes
    awaitStatusPage(link, "Closed");
    browser.screenshot(test + "-2-closed");
    assertThat(browser.findAll("form[action$='/confirm']")).isEmpty();
  }

  @Test
  void keyboardOnlyCustomerCanSendARequest() {
    // given the form, and a customer who only uses the keyboard (keys go to whatever has the focus)
    browser.open(url("/"));

    // when they tab from field to field, typing and choosing with the keyboard
    tabTo("customerName");
    keys("Kim Keys");
    tabTo("customerEmail");
    keys(SnapdeskTestData.ACME_CONTACT);
    tabTo("projectId");
    keys(SnapdeskTestData.ACME);
    tabTo("environment");
    keys(Keys.SPACE, Keys.ARROW_DOWN);                    // production, then staging
    tabTo("scope");                                      // files and database, as preselected
    tabTo("requestedDate");
    keys(dateKeys("2026-11-25"));
    tabTo("requestedTime");
    keys(timeKeys("07:20"));
    tabTo("timezone");
    keys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "Europe/Berlin");
    tabTo("policy");
    keys(Keys.ARROW_DOWN);                                // latest before
    tabTo("reason");
    keys("Cron job wiped the catalog");
    browser.screenshot(test + "-1-filled");
    tabTo(null);
    keys(Keys.ENTER);
    browser.await(d -> d.getCurrentUrl().endsWith("/submitted"));

    // then the request went through as typed
    browser.screenshot(test + "-2-confirmation");
    assertThat(browser.pageText()).contains("2026-11-25 07:20 CET (UTC+01:00)", "2026-11-25 06:20 UTC");
  }

  private void keys(CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  /** Presses Tab until the field (or, for null, the submit button) has the focus; fails if it never does. */
  private void tabTo(String id) {
    for (int i = 0; i < 60; i++) {
      WebElement focused = browser.focused();
      boolean there = id == null ? "submit".equals(focused.getAttribute("type")) : id.equals(focused.getAttribute("id"));
      if (there) return;
      keys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + (id == null ? "the submit button" : "#" + id)
        + "; focus is on " + browser.focused().getAttribute("outerHTML"));
  }

  @Test
  void timeZoneDefaultsToTheBrowsersAndTheDatePickerStopsAtToday() {
    // given a browser in Tokyo (the app's clock: 2026-11-26 12:00 UTC, 21:00 in Tokyo)
    browser.timeZone("Asia/Tokyo");
    try {
      browser.open(url("/"));

      // then the zone is filled in, said so, and the date picker ends today in Tokyo
      assertThat(browser.byId("timezone").getAttribute("value")).isEqualTo("Asia/Tokyo");
      assertThat(browser.find(".js-zone-detected").isDisplayed()).isTrue();
      assertThat(browser.byId("requestedDate").getAttribute("max")).isEqualTo("2026-11-26");

      // when a zone already in tomorrow is chosen, the picker follows its calendar
      WebElement zone = browser.byId("timezone");
      zone.clear();
      zone.sendKeys("Pacific/Kiritimati");
      assertThat(browser.byId("requestedDate").getAttribute("max")).isEqualTo("2026-11-27");

      // and the zone picker offers matching zones as the customer types
      assertThat(browser.findAll("datalist#zones option[value='Pacific/Kiritimati']")).hasSize(1);
      assertThat(browser.findAll("datalist#zones option")).hasSizeGreaterThan(300);
      assertThat(browser.findAll("datalist#zones option[value='EST']")).isEmpty();
    } finally {
      browser.timeZone("UTC");
    }
  }

  @Test
  void theFormWorksWithoutJavaScript() {
    try (Browser noScript = Browser.start(false)) {
      // given a browser without JavaScript
      noScript.open(url("/"));
      assertThat(noScript.byId("timezone").getAttribute("value")).isEmpty();
      assertThat(noScript.byId("requestedDate").getAttribute("max")).isEqualTo("2026-11-27");

      // when a request is filled in and sent
      fill(noScript, validRequest());
      submitForm(noScript);
      noScript.screenshot(test + "-confirmation");

      // then it lands on the confirmation like anywhere else
      assertThat(noScript.text("h1")).isEqualTo("Now check your mailbox");
    }
  }

  @Test
  void pagesFitAPhoneAndADesktop() {
    String link = sendValidRequest(validRequest());
    awaitStatusPage(link, "Waiting for review");
    for (String device : new String[] {"phone", "desktop"}) {
      if (device.equals("phone")) browser.phone(); else browser.desktop();

      browser.open(url("/"));
      assertThat(browser.overflowsHorizontally()).as("form on " + device).isFalse();
      browser.screenshot("layout-" + device + "-1-form");

      var invalid = validRequest();
      invalid.put("requestedDate", "2026-10-04");
      invalid.put("requestedTime", "02:30");
      invalid.put("timezone", "Australia/Sydney");
      invalid.put("customerEmail", "not an address");
      fill(invalid);
      submitForm();
      assertThat(browser.overflowsHorizontally()).as("form with errors on " + device).isFalse();
      browser.screenshot("layout-" + device + "-2-errors");

      fill(Map.of("requestedTime", "03:30", "customerEmail", SnapdeskTestData.ACME_CONTACT));
      submitForm();
      assertThat(browser.overflowsHorizontally()).as("confirmation on " + device).isFalse();
      browser.screenshot("layout-" + device + "-3-confirmation");

      browser.open(link);
      assertThat(browser.overflowsHorizontally()).as("status page on " + device).isFalse();
      browser.screenshot("layout-" + device + "-4-status");
    }
  }
}
