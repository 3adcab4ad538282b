package com.snapdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.identity.SafeStartup.UnsafeStartupException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class SafeStartupTest {

  private final SafeStartup guard = new SafeStartup(new DeferredLogs());

  private static MockEnvironment profiles(String... profiles) {
    var environment = new MockEnvironment();
    environment.setActiveProfiles(profiles);
    return environment;
  }

  private void start(MockEnvironment environment) {
    guard.postProcessEnvironment(environment, new SpringApplication());
  }

  @Test
  void refusesPostgresWithoutAnAdminPasswordAndNamesTheProperty() {
    // given the postgres profile with an admin id but no password
    var environment = profiles("postgres").withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "");
    // when starting, then the start is refused naming the property to set
    assertThatThrownBy(() -> start(environment)).isInstanceOf(UnsafeStartupException.class)
        .hasMessageContaining("camunda.bpm.admin-user.password").hasMessageContaining("SNAPDESK_ADMIN_PASSWORD");
  }

  @Test
  void refusesAwsWithoutAnAdministrator() {
    assertThatThrownBy(() -> start(profiles("aws")))
        .isInstanceOf(UnsafeStartupException.class).hasMessageContaining("camunda.bpm.admin-user.id");
  }

  @Test
  void refusesDemoTogetherWithAProductionProfile() {
    // given demo users next to PostgreSQL, with an admin password set
    var environment = profiles("postgres", "demo").withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "s3cret");
    // then refused, saying how to allow it on purpose
    assertThatThrownBy(() -> start(environment)).isInstanceOf(UnsafeStartupException.class)
        .hasMessageContaining("'demo'").hasMessageContaining("snapdesk.demo.allow-production-profiles=true");
  }

  @Test
  void startsDemoOnPostgresWhenExplicitlyAllowed() {
    var environment = profiles("postgres", "demo", "aws")
        .withProperty("snapdesk.demo.allow-production-profiles", "true");
    assertThatCode(() -> start(environment)).doesNotThrowAnyException();
  }

  @Test
  void startsPostgresWithAnAdministrator() {
    var environment = profiles("postgres").withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "s3cret");
    assertThatCode(() -> start(environment)).doesNotThrowAnyException();
  }

  @Test
  void startsTheEmbeddedDefaultsAndTheDemo() {
    assertThatCode(() -> start(profiles())).doesNotThrowAnyException();
    assertThatCode(() -> start(profiles("demo"))).doesNotThrowAnyException();
  }

  @Test
  void reportsARefusalAsWhatAndWhatToDo() {
    var refusal = new UnsafeStartupException("Profile [aws] needs an administrator.", "Set it.");
    var analysis = new UnsafeStartupFailureAnalyzer().analyze(new IllegalStateException(refusal), refusal);
    assertThat(analysis.getDescription()).contains("Refusing to start").contains("needs an administrator");
    assertThat(analysis.getAction()).isEqualTo("Set it.");
  }
}
