package com.snapdesk.recovery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.demo.DemoInventoryConfiguration;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.RecoveryConfiguration;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.local.LocalBackendConfiguration;
import com.snapdesk.recovery.local.LocalInventory;
import com.snapdesk.support.SnapdeskTestData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** Which backend starts, and how the {@code snapdesk.aws.*} keys bind and are checked. */
class AwsBackendConfigurationTest {

  /** As the application scans: every properties record under com.snapdesk.recovery. */
  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan("com.snapdesk.recovery")
  static class Scan {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Scan.class, RecoveryConfiguration.class, LocalBackendConfiguration.class,
          DemoInventoryConfiguration.class, AwsBackendConfiguration.class);

  private static final String[] AWS = {
      "snapdesk.backend=aws", "snapdesk.aws.region=eu-central-1",
      "snapdesk.aws.projects=src/test/resources/inventory/aws-projects.json",
      "snapdesk.aws.kms-key-id=alias/snapdesk-recovery"};

  @Test
  void theEmbeddedDefaultNeitherNeedsNorBindsAnyAwsSetting() {
    // given no snapdesk.* properties at all
    runner.run(context -> {
      // when the context starts, then the local backend serves and nothing of AWS exists
      assertThat(context).hasNotFailed().hasSingleBean(LocalInventory.class)
          .doesNotHaveBean(AwsBackendProperties.class).doesNotHaveBean(AwsClients.class);
    });
  }

  @Test
  void theAwsBackendReplacesTheLocalOneWithDefaultsForEverythingOptional() {
    // given the four required settings
    runner.withPropertyValues(AWS).run(context -> {
      // when the context starts, then EC2 is the catalog, the projects file the directory, AWS the retrieval
      assertThat(context).hasNotFailed().doesNotHaveBean(LocalInventory.class);
      assertThat(context.getBean(RecoveryPointCatalog.class)).isInstanceOf(Ec2RecoveryPointCatalog.class);
      assertThat(context.getBean(ProjectDirectory.class)).isInstanceOf(AwsProjectDirectory.class);
      assertThat(context.getBean(RecoveryRetrieval.class)).isInstanceOf(AwsRecoveryRetrieval.class);
      assertThat(context.getBean(ProjectDirectory.class).find(SnapdeskTestData.ACME)).isPresent();
      // and the optional settings have their documented defaults
      AwsBackendProperties p = context.getBean(AwsBackendProperties.class);
      assertThat(p.tags()).isEqualTo(AwsBackendProperties.Tags.defaults());
      assertThat(p.endpoint()).isNull();
      assertThat(p.cacheTtl()).isEqualTo(Duration.ofMinutes(1));
      assertThat(p.restoreDays()).isEqualTo(7);
      assertThat(p.mountWithSsm()).isFalse();
      assertThat(p.dumpLinksEnabled()).isFalse();
      assertThat(p.dumpKeyPattern()).isEqualTo("{project}/{environment}/{recoveryPoint}.sql.gz");
      assertThat(p.deliveryPrefix()).isEqualTo("deliveries/");
      assertThat(p.retryMode()).isEqualTo(AwsBackendProperties.RetryPolicy.STANDARD);
      // and cleanup looks in every region the projects use
      assertThat(context.getBean(AwsProjectDirectory.class).regions(context.getBean(AwsClients.class)))
          .containsExactly("eu-central-1", "eu-west-1", "us-east-1");
    });
  }

  @Test
  void theAwsProfileFileBindsWithItsEnvironmentVariables() throws Exception {
    // given application-aws.yml and the variables an operator sets
    var yaml = new YamlPropertySourceLoader().load("aws", new ClassPathResource("application-aws.yml"));
    runner.withInitializer(ctx -> yaml.forEach(ctx.getEnvironment().getPropertySources()::addFirst))
        .withPropertyValues("SNAPDESK_AWS_KMS_KEY_ID=alias/snapdesk-recovery",
            "SNAPDESK_AWS_PROJECTS=src/test/resources/inventory/aws-projects.json",
            "SNAPDESK_AWS_DUMP_BUCKET=acme-dumps", "snapdesk.aws.endpoint=http://localhost:4566")
        .run(context -> {
          // then the AWS backend starts with them
          assertThat(context).hasNotFailed();
          AwsBackendProperties p = context.getBean(AwsBackendProperties.class);
          assertThat(p.region()).isEqualTo("us-east-1");
          assertThat(p.kmsKeyId()).isEqualTo("alias/snapdesk-recovery");
          assertThat(p.projects()).isEqualTo(Path.of("src/test/resources/inventory/aws-projects.json"));
          assertThat(p.dumpBucket()).isEqualTo("acme-dumps");
          assertThat(p.endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        });
  }

  @Test
  void refusesToStartWithoutAKmsKey() {
    // given no KMS key: volumes would be created with the account default, or not encrypted as required
    runner.withPropertyValues("snapdesk.backend=aws", "snapdesk.aws.region=us-east-1",
        "snapdesk.aws.projects=src/test/resources/inventory/aws-projects.json").run(context -> {
          // then startup fails naming the key
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining("kmsKeyId");
        });
  }

  @Test
  void refusesADumpKeyPatternWithAnUnknownPlaceholder() {
    // given a typo in the dump key pattern
    runner.withPropertyValues(AWS).withPropertyValues("snapdesk.aws.dump-key-pattern={project}/{env}.sql.gz")
        .run(context -> {
          // then startup fails naming the placeholder and the valid ones
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining("unknown placeholder {env}");
        });
  }
}
