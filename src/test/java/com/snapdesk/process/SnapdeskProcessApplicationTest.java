package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The models the process application deploys, as `./mvnw spring-boot:run` sees them (the classes folder);
 * PackagedJarIT checks the same names from the repackaged and the extracted jar. And the readiness component
 * that says whether they are deployed, on a real engine.
 */
class SnapdeskProcessApplicationTest {

  static final String[] MODEL_NAMES = {
      "approval-policy.dmn", "backup-retrieval.bpmn", "forms/lead-approval.form", "forms/review-request.form",
      "restore-drill.bpmn"};

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:process-models-health;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("process-models-health")
        .buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static java.util.List<SnapdeskProcessApplication.Model> models() {
    return SnapdeskProcessApplication.models(new PathMatchingResourcePatternResolver());
  }

  @Test
  void findsEveryModelUnderBpmnNamedRelativeToIt() {
    // when listing the models on the classpath
    var models = models();

    // then each is there once, named as Camunda's scanner named them, with its content
    assertThat(models).extracting(SnapdeskProcessApplication.Model::name).containsExactly(MODEL_NAMES);
    assertThat(models).allSatisfy(m -> assertThat(m.content()).isNotEmpty());
  }

  @Test
  void readinessIsDownUntilTheModelsAndTheirFormsAreDeployed() {
    var repository = engine.getRepositoryService();
    var names = java.util.List.of(MODEL_NAMES);
    var health = new ProcessModelsHealthIndicator(repository, names);

    // given nothing deployed: DOWN
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

    // given the ticket process and its policy without the drill process: DOWN
    var withoutDrills = repository.createDeployment().name("snapdesk");
    models().stream().filter(m -> !m.name().equals("restore-drill.bpmn"))
        .forEach(m -> withoutDrills.addInputStream(m.name(), new ByteArrayInputStream(m.content())));
    withoutDrills.deploy();
    var noDrills = health.health();
    assertThat(noDrills.getStatus()).isEqualTo(Status.DOWN);
    assertThat(noDrills.getDetails().get("problem").toString()).contains("RestoreDrill");

    // given the processes and the policy but not the forms: DOWN, naming what is missing
    var partial = repository.createDeployment().name("snapdesk");
    models().stream().filter(m -> !m.name().endsWith(".form"))
        .forEach(m -> partial.addInputStream(m.name(), new ByteArrayInputStream(m.content())));
    partial.deploy();
    var down = health.health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails().get("missing").toString()).contains("forms/review-request.form");

    // given everything the process application deploys: UP
    var whole = repository.createDeployment().name("snapdesk");
    models().forEach(m -> whole.addInputStream(m.name(), new ByteArrayInputStream(m.content())));
    whole.deploy();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
