package com.snapdesk.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.ResolutionPolicy;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.Scope;
import com.snapdesk.shared.FieldError;
import com.snapdesk.shared.InvalidRequestException;
import com.snapdesk.support.SnapdeskTestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketRequestValidatorTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  private final TicketRequestValidator validator =
      new TicketRequestValidator(new MomentNormalizer(clock), RetentionPolicy.defaults(), clock);

  private static TicketRequest request(String email, String name, String project, String env, String scope,
                                       String policy, String reason) {
    return new TicketRequest(email, name, project, env, "2026-11-20", "14:30", "America/New_York", null, scope,
        policy, reason);
  }

  @Test
  void normalisesAValidRequest() {
    // given a request typed with stray spaces and capitals
    var valid = validator.validate(request(" ops@acme.example ", " Olga ", "MX7K2P4QZT3RW", "Production", "DATABASE",
        "at-or-before", "  Bad import  "));

    // then it is stored clean, with the moment in UTC
    assertThat(valid.customerEmail()).isEqualTo(SnapdeskTestData.ACME_CONTACT);
    assertThat(valid.projectId()).isEqualTo(SnapdeskTestData.ACME);
    assertThat(valid.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(valid.scope()).isEqualTo(Scope.DATABASE);
    assertThat(valid.policy()).isEqualTo(ResolutionPolicy.AT_OR_BEFORE);
    assertThat(valid.reason()).isEqualTo("Bad import");
    assertThat(valid.moment().instant()).isEqualTo(Instant.parse("2026-11-20T19:30:00Z"));
  }

  @Test
  void defaultsToFullScopeAndTheNearestPoint() {
    var valid = validator.validate(request(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, "staging", null, null, "x"));
    assertThat(valid.scope()).isEqualTo(Scope.FULL);
    assertThat(valid.policy()).isEqualTo(ResolutionPolicy.NEAREST);
  }

  @ParameterizedTest(name = "{0} = \"{1}\"")
  @CsvSource({
      "customerEmail, ''",
      "customerEmail, not-an-address",
      "customerEmail, 'a@b.example, c@d.example'",
      "customerName, ''",
      "projectId, ''",
      "projectId, '../etc/passwd'",
      "environment, ''",
      "environment, development",
      "scope, files",
      "policy, latest",
      "reason, ''",
  })
  void reportsTheFieldThatIsWrong(String field, String value) {
    String v = value == null ? "" : value;
    var r = switch (field) {
      case "customerEmail" -> request(v, "Olga", SnapdeskTestData.ACME, "production", "full", null, "x");
      case "customerName" -> request(SnapdeskTestData.ACME_CONTACT, v, SnapdeskTestData.ACME, "production", "full", null, "x");
      case "projectId" -> request(SnapdeskTestData.ACME_CONTACT, "Olga", v, "production", "full", null, "x");
      case "environment" -> request(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, v, "full", null, "x");
      case "scope" -> request(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, "production", v, null, "x");
      case "policy" -> request(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, "production", "full", v, "x");
      default -> request(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, "production", "full", null, v);
    };
    assertThatThrownBy(() -> validator.validate(r))
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @Test
  void refusesTooLongText() {
    var r = request(SnapdeskTestData.ACME_CONTACT, "n".repeat(201), SnapdeskTestData.ACME, "production", "full", null,
        "r".repeat(2001));
    assertThatThrownBy(() -> validator.validate(r)).isInstanceOfSatisfying(InvalidRequestException.class, e ->
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("customerName", "reason"));
  }

  @Test
  void listsTimeProblemsTogetherWithOtherFields() {
    var r = new TicketRequest("", "Olga", SnapdeskTestData.ACME, "production", "2026-03-08", "02:30", "America/New_York",
        null, "full", null, "x");
    assertThatThrownBy(() -> validator.validate(r)).isInstanceOfSatisfying(InvalidRequestException.class, e ->
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("customerEmail",
            "requestedTime"));
  }

  @Test
  void explainsRetentionForAMomentOlderThanTheSchedule() {
    var r = new TicketRequest(SnapdeskTestData.ACME_CONTACT, "Olga", SnapdeskTestData.ACME, "production", "2026-05-01", "10:00",
        "UTC", null, "full", null, "x");
    assertThatThrownBy(() -> validator.validate(r)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.errors()).extracting(FieldError::field).containsExactly("requestedDate");
      assertThat(e.errors().get(0).message()).contains("days 1–3: one per hour", "months 3–5: one per month");
    });
  }
}
