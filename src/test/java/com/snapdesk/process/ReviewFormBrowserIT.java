package com.snapdesk.process;

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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The review form as an agent meets it: Camunda Tasklist in headless Chromium renders the deployed form, and its
 * "Recovery point to retrieve" select offers the neighbouring points the process wrote, with both times, the
 * distance and the tier, the resolved one chosen. Screenshot: target/screenshots/review-form-select.png.
 */
@EmbeddedAppTest
class ReviewFormBrowserIT {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ObjectMapper json;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    Browser.assumeInstalled();
    browser = Browser.start();
    // tall enough that the select, the form's last field, can scroll clear of Tasklist's fixed footer
    browser.driver().manage().window().setSize(new Dimension(Browser.DESKTOP_WIDTH, 1600));
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  void agentChoosesTheRecoveryPointFromTheNeighbouringPointsInTasklist() throws Exception {
    // given a confirmed ticket waiting in review, and the options the process offers for it
    Task review = ticketInReview();
    JsonNode options = json.readTree(((TypedValue) runtime.getVariableTyped(review.getProcessInstanceId(),
        VariableNames.RECOVERY_POINT_OPTIONS, false)).getValue().toString());
    List<String> labels = options.findValuesAsText("label");
    String resolvedId = (String) runtime.getVariable(review.getProcessInstanceId(), VariableNames.RECOVERY_POINT_ID);
    String resolvedLabel = labels.get(options.findValuesAsText("value").indexOf(resolvedId));
    assertThat(labels).hasSizeGreaterThanOrEqualTo(2);

    // when the demo agent, who claimed it (Tasklist disables the form of an unclaimed task), opens it in Tasklist
    tasks.claim(review.getId(), "alice");
    browser.open(base() + "/camunda/app/tasklist/default/#/?task=" + review.getId());
    signIn("alice");
    WebElement select = waitFor(By.cssSelector("[ng-show*='tasklistForm']:not(.disabled-form) .fjs-form-field-select"));

    // then the select shows the resolved point, and opening it lists every neighbouring point in the process's order
    assertThat(select.getText()).contains("Recovery point to retrieve").contains(resolvedLabel);
    // and the long label stays inside its field, above the field's description (user-styles.css), also on a
    // laptop's narrower screen where it takes two lines
    browser.cdp("Emulation.setDeviceMetricsOverride", Map.of("width", 1024, "height", 900, "deviceScaleFactor", 1,
        "mobile", false));
    List<?> edges = (List<?>) browser.script("var f = arguments[0];"
        + "function bottom(s) { return f.querySelector(s).getBoundingClientRect().bottom; }"
        // the text itself: the display's box keeps the field's height while its text runs over
        + "var text = document.createRange(); text.selectNodeContents(f.querySelector('.fjs-select-display'));"
        + "return [text.getBoundingClientRect().bottom, bottom('.fjs-input-group'),"
        + " f.querySelector('.fjs-form-field-description').getBoundingClientRect().top];", select);
    double label = ((Number) edges.get(0)).doubleValue();
    double field = ((Number) edges.get(1)).doubleValue();
    double description = ((Number) edges.get(2)).doubleValue();
    assertThat(label).isLessThanOrEqualTo(field);
    assertThat(field).isLessThanOrEqualTo(description);
    browser.desktop();
    WebElement input = select.findElement(By.cssSelector(".fjs-input-group"));
    // the form scrolls inside Tasklist's task pane, the select at its end
    browser.script("arguments[0].scrollIntoView({block: 'center'})", input);
    input.click();
    List<String> shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
      var items = d.findElements(By.cssSelector(".fjs-dropdownlist-item"));
      return items.isEmpty() ? null : items.stream().map(i -> i.getText().strip()).toList();
    });
    browser.screenshot("review-form-select");
    assertThat(shown).containsExactlyElementsOf(labels);
    assertThat(shown).anyMatch(l -> l.contains("before the requested time"))
        .anyMatch(l -> l.contains("after the requested time"));
  }

  private Task ticketInReview() {
    var created = RestClient.create(base()).post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .body(SnapdeskTestData.request().fields()).retrieve().toEntity(String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(202);
    String ticketId;
    try {
      ticketId = json.readTree(created.getBody()).get("ticketId").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Requester.confirm(base(), ticketId, () -> MailMessages.outbox(Path.of(EmbeddedAppTest.OUTBOX)));
    return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(ticketId).taskDefinitionKey(BpmnIds.TASK_REVIEW_REQUEST).singleResult(),
        t -> t != null);
  }

  private void signIn(String user) {
    // the form is there before Angular listens to it: wait until it can take input
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("form[name=signinForm] button[type=submit]")));
    waitFor(By.cssSelector("form[name=signinForm] input[ng-model=username]")).sendKeys(user);
    browser.find("form[name=signinForm] input[ng-model=password]").sendKeys(user);
    browser.find("form[name=signinForm] button[type=submit]").click();
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
