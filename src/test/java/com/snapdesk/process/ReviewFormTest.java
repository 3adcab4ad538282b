package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review form shows customer text only as field values, which the browser never interprets as markup. */
class ReviewFormTest {

  private final JsonNode form = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("bpmn/forms/review-request.form").toFile());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> components() {
    List<JsonNode> all = new ArrayList<>();
    form.get("components").forEach(all::add);
    return all;
  }

  @Test
  void isTheFormTheModelReferences() {
    assertThat(form.get("id").asText()).isEqualTo(BpmnIds.FORM_REVIEW_REQUEST);
  }

  @Test
  void showsCustomerTextOnlyInReadOnlyFieldsNeverInMarkup() {
    // text components render markdown and html components render markup: neither may carry variables
    for (JsonNode c : components()) {
      String type = c.get("type").asText();
      assertThat(type).as("component %s", c.path("id").asText()).isNotEqualTo("html");
      if (type.equals("text")) assertThat(c.get("text").asText()).doesNotContain("{{").doesNotContain("=");
    }
    JsonNode reason = components().stream().filter(c -> "reason".equals(c.path("key").asText())).findFirst()
        .orElseThrow();
    assertThat(reason.get("type").asText()).isEqualTo("textarea");
    assertThat(reason.get("readonly").asBoolean()).isTrue();
  }

  @Test
  void bindsToTheProcessVariablesDelegatesWrite() {
    List<String> keys = components().stream().filter(c -> c.has("key")).map(c -> c.get("key").asText()).toList();
    assertThat(keys).contains(VariableNames.TICKET_ID, VariableNames.REQUESTED_LOCAL,
        VariableNames.REQUESTED_UTC, VariableNames.INTERPRETATION_NOTE, VariableNames.BEFORE_POINT,
        VariableNames.AFTER_POINT, VariableNames.RESOLVED_POINT, VariableNames.REASON,
        VariableNames.RETRIEVAL_PROBLEM, VariableNames.DECISION, VariableNames.DECISION_NOTE,
        VariableNames.RECOVERY_POINT_ID);
  }

  @Test
  void offersExactlyTheDecisionsTheModelRoutes() {
    JsonNode decision = components().stream().filter(c -> "decision".equals(c.path("key").asText())).findFirst()
        .orElseThrow();
    List<String> values = new ArrayList<>();
    decision.get("values").forEach(v -> values.add(v.get("value").asText()));
    assertThat(values).containsExactly(VariableNames.DECISION_APPROVE, VariableNames.DECISION_REJECT,
        VariableNames.DECISION_ASK_CUSTOMER);
    assertThat(decision.get("validate").get("required").asBoolean()).isTrue();
  }

  @Test
  void offersTheRecoveryPointAsASelectWhoseOptionsTheProcessSets() {
    // given the review form
    // when the agent picks the point to retrieve
    // then it is a select of the options variable the review task's start listener writes, not free text
    JsonNode point = components().stream().filter(c -> VariableNames.RECOVERY_POINT_ID.equals(c.path("key").asText()))
        .findFirst().orElseThrow();
    assertThat(point.get("type").asText()).isEqualTo("select");
    assertThat(point.get("valuesKey").asText()).isEqualTo(VariableNames.RECOVERY_POINT_OPTIONS);
    assertThat(point.has("values")).as("static options would hide the catalog's").isFalse();
  }
}
