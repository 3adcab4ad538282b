package com.snapdesk.ticket.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.support.SnapdeskTestData;
import com.snapdesk.ticket.RejectionReason;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EligibilityTest {

  private static final Project.EnvironmentInfo ENV = new Project.EnvironmentInfo("c1", "us-east-1", null);
  private static final Project PRO = new Project("pro1", "Acme", Plan.PRO, java.util.List.of("Ops@Acme.example"),
      Map.of(Environment.PRODUCTION, ENV, Environment.STAGING, ENV, Environment.INTEGRATION, ENV));
  private static final Project PRO_WITHOUT_STAGING = new Project("pro2", "Globex", Plan.PRO,
      java.util.List.of("it@globex.example"), Map.of(Environment.PRODUCTION, ENV));
  private static final Project STARTER = new Project("st1", "Initech", Plan.STARTER,
      java.util.List.of("dev@initech.example"), Map.of(Environment.PRODUCTION, ENV));

  @ParameterizedTest
  @EnumSource(value = Environment.class, names = {"PRODUCTION", "STAGING"})
  void acceptsContactsOfProStagingAndProduction(Environment environment) {
    assertThat(Eligibility.assess(Optional.of(PRO), environment, SnapdeskTestData.ACME_CONTACT).eligible()).isTrue();
  }

  @Test
  void matchesContactsWithoutRegardToCaseOrSpaces() {
    assertThat(Eligibility.assess(Optional.of(PRO), Environment.PRODUCTION, " OPS@acme.EXAMPLE ").eligible()).isTrue();
  }

  @Test
  void givesStrangersTheSameNeutralAnswerWhetherOrNotTheProjectExists() {
    // given a stranger asking for an existing project and for one that does not exist
    var existing = Eligibility.assess(Optional.of(PRO), Environment.PRODUCTION, "mallory@evil.example");
    var missing = Eligibility.assess(Optional.empty(), Environment.PRODUCTION, "mallory@evil.example");

    // then both answers are identical and name nothing of the project
    assertThat(existing).isEqualTo(missing);
    assertThat(existing.reason()).isEqualTo(RejectionReason.NOT_A_CONTACT);
    assertThat(existing.detail()).doesNotContain("pro1", "Acme", "production");
  }

  @Test
  void checksTheContactBeforeRevealingThePlan() {
    var decision = Eligibility.assess(Optional.of(STARTER), Environment.PRODUCTION, "mallory@evil.example");
    assertThat(decision.reason()).isEqualTo(RejectionReason.NOT_A_CONTACT);
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void pointsStarterProjectsToManualSnapshots(Environment environment) {
    var decision = Eligibility.assess(Optional.of(STARTER), environment, "dev@initech.example");
    assertThat(decision.eligible()).isFalse();
    assertThat(decision.reason()).isEqualTo(RejectionReason.NO_AUTOMATIC_BACKUPS);
  }

  @Test
  void pointsProIntegrationToManualSnapshots() {
    var decision = Eligibility.assess(Optional.of(PRO), Environment.INTEGRATION, SnapdeskTestData.ACME_CONTACT);
    assertThat(decision.reason()).isEqualTo(RejectionReason.NO_AUTOMATIC_BACKUPS);
    assertThat(decision.detail()).contains("Integration");
  }

  @Test
  void tellsAContactWhenTheProjectHasNoSuchEnvironment() {
    var decision = Eligibility.assess(Optional.of(PRO_WITHOUT_STAGING), Environment.STAGING, "it@globex.example");
    assertThat(decision.reason()).isEqualTo(RejectionReason.NO_RECOVERY_POINT);
    assertThat(decision.detail()).contains("no staging environment");
  }
}
