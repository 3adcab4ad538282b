package com.snapdesk.recovery.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.demo.DemoInventory;
import com.snapdesk.demo.DemoInventoryConfiguration;
import com.snapdesk.project.Environment;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.RecoveryConfiguration;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointResolver;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.RetentionProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

class LocalBackendConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({RetentionProperties.class, LocalBackendProperties.class})
  static class Properties {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Properties.class, RecoveryConfiguration.class, LocalBackendConfiguration.class,
          DemoInventoryConfiguration.class);

  @TempDir Path dir;

  @Test
  void startsTheEmbeddedBackendWithoutAnyConfiguration() {
    // given no snapdesk.* properties at all
    runner.run(context -> {
      // when the context starts
      // then the local inventory serves as directory and catalog, with the default schedule and a demo
      assertThat(context).hasNotFailed();
      assertThat(context).hasSingleBean(LocalInventory.class).hasBean("localInventory")
          .hasBean("localRecoveryRetrieval").hasBean("recoveryPointResolver").hasBean("retentionPolicy").hasBean("clock");
      assertThat(context.getBean(ProjectDirectory.class)).isSameAs(context.getBean(RecoveryPointCatalog.class));
      assertThat(context.getBean(RecoveryRetrieval.class)).isInstanceOf(LocalRecoveryRetrieval.class);
      assertThat(context.getBean(RetentionProperties.class)).isEqualTo(RetentionProperties.defaults());
      assertThat(context.getBean(LocalBackendProperties.class).recoveryDir()).isEqualTo(Path.of("data/recovery"));
      assertThat(context.getBean(ProjectDirectory.class).find(DemoInventory.ACME)).isPresent();
    });
  }

  @Test
  void bindsTheYamlBlockToTheDefaultSchedule() throws IOException {
    // given the YAML block meant for application.yml
    var yaml = new YamlPropertySourceLoader()
        .load("recovery", new ClassPathResource("com/snapdesk/recovery/application-recovery.yml"));
    // when the context starts with it
    runner.withInitializer(ctx -> yaml.forEach(ctx.getEnvironment().getPropertySources()::addFirst)).run(context -> {
      // then it binds to exactly the defaults
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(RetentionProperties.class)).isEqualTo(RetentionProperties.defaults());
      assertThat(context.getBean(RetentionPolicy.class).rows()).isEqualTo(RetentionPolicy.defaults().rows());
    });
  }

  @Test
  void refusesToStartWithAnIncompleteSchedule() {
    // given a version but no tiers
    runner.withPropertyValues("snapdesk.retention.version=v3").run(context -> {
      // when the context starts
      // then it fails, naming the missing property
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("snapdesk.retention.tiers");
    });
  }

  @Test
  void readsTheConfiguredInventoryFile() throws IOException {
    // given an inventory file with one project
    Path file = Files.writeString(dir.resolve("inventory.json"), """
        {"projects": [{"id": "p1", "name": "One", "plan": "pro", "contacts": ["a@one.example"],
                       "environments": {"production": {}}}]}
        """);
    // when the context starts with snapdesk.local.inventory pointing at it
    runner.withPropertyValues("snapdesk.local.inventory=" + file, "snapdesk.local.recovery-dir=" + dir.resolve("r"))
        .run(context -> {
          // then the file is the inventory, not the demo
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(ProjectDirectory.class).find("p1")).isPresent();
          assertThat(context.getBean(ProjectDirectory.class).find(DemoInventory.ACME)).isEmpty();
        });
  }

  @Test
  void leavesTheLocalBackendOutForAnotherBackend() {
    // given snapdesk.backend=aws and another catalog
    RecoveryPointCatalog other = new RecoveryPointCatalog() {
      @Override public List<RecoveryPoint> points(String p, Environment e) { return List.of(); }
      @Override public Optional<RecoveryPoint> find(String p, Environment e, String id) { return Optional.empty(); }
    };
    runner.withPropertyValues("snapdesk.backend=aws").withBean(RecoveryPointCatalog.class, () -> other).run(context -> {
      // when the context starts
      // then no local beans exist and the resolver uses the other catalog
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(LocalInventory.class).doesNotHaveBean(LocalRecoveryRetrieval.class);
      assertThat(context).hasSingleBean(RecoveryPointResolver.class);
    });
  }

  @Test
  void usesAClockTheApplicationProvides() {
    // given a fixed clock bean
    Clock fixed = Clock.fixed(Instant.parse("2026-11-25T15:20:00Z"), ZoneOffset.UTC);
    runner.withBean(Clock.class, () -> fixed).run(context -> {
      // when the context starts
      // then that clock is the only one, and the demo is generated relative to it
      assertThat(context).hasSingleBean(Clock.class);
      assertThat(context.getBean(Clock.class)).isSameAs(fixed);
      assertThat(context.getBean(LocalInventory.class)
          .find(DemoInventory.ACME, Environment.PRODUCTION, "rp-mx7k2p4qzt3rw-production-202611251500")).isPresent();
    });
  }
}
