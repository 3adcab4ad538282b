package com.snapdesk.ticket.web.portal;

import com.snapdesk.shared.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared validator's {@link FieldError}s arranged for a page: each message beside its field, wired to the
 * input with {@code aria-describedby}, and a summary whose links jump to the fields.
 */
public final class FieldErrors {

  private static final FieldErrors NONE = new FieldErrors(List.of(), Set.of());

  private final Map<String, List<String>> byField = new LinkedHashMap<>();
  private final Set<String> fieldsOnPage;

  private FieldErrors(List<FieldError> errors, Set<String> fieldsOnPage) {
    this.fieldsOnPage = fieldsOnPage;
    for (FieldError e : errors) byField.computeIfAbsent(e.field(), f -> new ArrayList<>()).add(e.message());
  }

  static FieldErrors none() {
    return NONE;
  }

  /** @param fieldsOnPage the inputs the page shows; a message for any other field goes to the summary only */
  static FieldErrors of(List<FieldError> errors, Set<String> fieldsOnPage) {
    return new FieldErrors(errors, fieldsOnPage);
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public List<String> messages(String field) {
    return byField.getOrDefault(field, List.of());
  }

  /** {@code aria-invalid} value: "true" for a field with a problem, absent otherwise. */
  public String invalid(String field) {
    return has(field) ? "true" : null;
  }

  /** {@code aria-describedby} value: the field's hints, then its error message, or absent when there are none. */
  public String describedBy(String field, String... hintIds) {
    List<String> ids = new ArrayList<>(List.of(hintIds));
    if (has(field)) ids.add(field + "-error");
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  public record SummaryLine(String href, String message) {}

  /** One line per message, linking to its field where the page has one. */
  public List<SummaryLine> summary() {
    List<SummaryLine> lines = new ArrayList<>();
    byField.forEach((field, messages) -> messages.forEach(m ->
        lines.add(new SummaryLine(fieldsOnPage.contains(field) ? "#" + field : null, m))));
    return lines;
  }
}
