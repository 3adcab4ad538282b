package com.snapdesk.ticket.intake;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.shared.FieldError;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.RequestedMoment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule set for a new request, shared by the JSON API and the portal form.
 * Reports every problem at once, each beside its field.
 */
public class TicketRequestValidator {

  public static final int MAX_NAME = 200;
  static final int MAX_EMAIL = 320;
  public static final int MAX_REASON = 2000;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+$");
  private static final Pattern PROJECT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

  private final MomentNormalizer moments;
  private final RetentionPolicy retention;
  private final Clock clock;

  public TicketRequestValidator(MomentNormalizer moments, RetentionPolicy retention, Clock clock) {
    this.moments = moments;
    this.retention = retention;
    this.clock = clock;
  }

  public ValidatedRequest validate(TicketRequest r) {
    List<FieldError> errors = new ArrayList<>();

    String email = trim(r.customerEmail());
    if (email.isEmpty()) errors.add(new FieldError("customerEmail", "Your email address is required."));
    else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())
      errors.add(new FieldError("customerEmail", "Enter one email address, like ops@example.com."));

    String name = trim(r.customerName());
    if (name.isEmpty()) errors.add(new FieldError("customerName", "Your name is required."));
    else if (name.length() > MAX_NAME)
      errors.add(new FieldError("customerName", "Keep your name under " + MAX_NAME + " characters."));

    String projectId = trim(r.projectId()).toLowerCase(Locale.ROOT);
    if (projectId.isEmpty()) errors.add(new FieldError("projectId", "The project id is required."));
    else if (!PROJECT_ID.matcher(projectId).matches())
      errors.add(new FieldError("projectId",
          "A project id has only letters, digits, '-' and '_' (up to 64), like mx7k2p4qzt3rw."));

    Environment environment = null;
    if (trim(r.environment()).isEmpty()) errors.add(new FieldError("environment", "Choose an environment."));
    else environment = Environment.parse(r.environment()).orElse(null);
    if (environment == null && !trim(r.environment()).isEmpty())
      errors.add(new FieldError("environment", "Choose production, staging or integration."));

    Scope scope = trim(r.scope()).isEmpty() ? Scope.FULL : Scope.parse(r.scope()).orElse(null);
    if (scope == null) errors.add(new FieldError("scope", "Choose full (files and database) or database."));

    ResolutionPolicy policy = trim(r.policy()).isEmpty()
        ? ResolutionPolicy.NEAREST : ResolutionPolicy.parse(r.policy()).orElse(null);
    if (policy == null) errors.add(new FieldError("policy", "Choose nearest or at-or-before."));

    String reason = r.reason() == null ? "" : r.reason().strip();
    if (reason.isEmpty()) errors.add(new FieldError("reason", "Tell us briefly why you need this backup."));
    else if (reason.length() > MAX_REASON)
      errors.add(new FieldError("reason", "Keep the reason under " + MAX_REASON + " characters (it has "
          + reason.length() + ")."));

    RequestedMoment moment = null;
    try {
      moment = moments.normalize(r.requestedDate(), r.requestedTime(), r.timezone(), r.utcOffset());
      Instant oldest = clock.instant().minus(retention.maxAge());
      if (moment.instant().isBefore(oldest)) {
        errors.add(new FieldError("requestedDate", "Automatic backups are kept for at most "
            + TimeText.distance(retention.maxAge()) + "; " + moment.localText() + " is older than that. "
            + "Retention: " + retentionText() + "."));
      }
    } catch (InvalidRequestException e) {
      errors.addAll(e.errors());
    }

    if (!errors.isEmpty()) throw new InvalidRequestException(errors);
    return new ValidatedRequest(email, name, projectId, environment, scope, policy, moment, reason);
  }

  private String retentionText() {
    return retention.rows().stream().map(row -> row.age() + ": " + row.kept()).collect(Collectors.joining("; "));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
