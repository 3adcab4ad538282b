package com.snapdesk.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Gets a customer's request to the agents' review task over HTTP, the one way tests that work on review and lead
 * tasks reach it: when intake changes (say, the contact must confirm first), only {@link #submitAndAwaitReview}
 * changes.
 */
public final class ReviewTasks {

  /** A ticket waiting in Task_ReviewRequest, with the token from the contact's confirmation email. */
  public record Review(String ticketId, String token, String processInstanceId, String taskId) {}

  private final String baseUrl;
  private final RestClient http;
  private final ObjectMapper json;
  private final Supplier<List<MailMessages.Mail>> mailbox;

  /** @param mailbox the emails the app sent, where the contact's confirmation link is found */
  public ReviewTasks(int port, ObjectMapper json, Supplier<List<MailMessages.Mail>> mailbox) {
    this.baseUrl = "http://localhost:" + port;
    this.http = RestClient.builder().baseUrl(baseUrl)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
    this.json = json;
    this.mailbox = mailbox;
  }

  /**
   * Submits Acme's registered contact's request for {@code environment}, confirms it as the contact does (the
   * emailed link's token), and waits until an agent can review it.
   */
  public Review submitAndAwaitReview(String environment) throws Exception {
    String ticketId = submit(environment);
    String token = Requester.confirm(baseUrl, ticketId, mailbox);
    JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> task(ticketId, "alice"),
        t -> t != null && "Task_ReviewRequest".equals(t.get("taskDefinitionKey").asText()));
    return new Review(ticketId, token, task.get("processInstanceId").asText(), task.get("id").asText());
  }

  /** Submits Acme's registered contact's request for {@code environment}; its id. */
  public String submit(String environment) throws Exception {
    var submitted = http.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
        .body(SnapdeskTestData.request().environment(environment).fields()).retrieve().toEntity(String.class);
    if (!submitted.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("submitting a request answered " + submitted.getStatusCode() + ": "
          + submitted.getBody());
    }
    return json.readTree(submitted.getBody()).get("ticketId").asText();
  }

  /** The ticket's one open task as {@code user} sees it over engine REST, or null. */
  public JsonNode task(String ticketId, String user) throws Exception {
    JsonNode tasks = json.readTree(http.get().uri("/engine-rest/task?processInstanceBusinessKey={id}", ticketId)
        .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class));
    return tasks.size() == 1 ? tasks.get(0) : null;
  }

  /** Waits for the ticket's open task to be {@code taskKey}, as {@code user} sees it. */
  public JsonNode awaitTask(String ticketId, String user, String taskKey) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> task(ticketId, user),
        t -> t != null && taskKey.equals(t.get("taskDefinitionKey").asText()));
  }

  /** Typed engine REST variables, all strings, as Tasklist and scripts send them. */
  public static Map<String, Object> strings(Map<String, String> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach((k, v) -> typed.put(k, Map.of("value", v, "type", "String")));
    return typed;
  }
}
