package com.snapdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class DataRetentionPropertiesTest {

  static final LocalValidatorFactoryBean VALIDATOR = new LocalValidatorFactoryBean();
  static {
    VALIDATOR.afterPropertiesSet();
  }

  @AfterAll
  static void close() {
    VALIDATOR.close();
  }

  @Test
  void endedTicketsAreKeptAsLongAsTheProcessHistory() throws Exception {
    // given the model's history time to live, in days
    Process process = Bpmn.readModelFromFile(Path.of("bpmn/backup-retrieval.bpmn").toFile())
        .getModelElementById("BackupRetrieval");
    Duration history = Duration.ofDays(Integer.parseInt(process.getCamundaHistoryTimeToLiveString()));

    // then the record's default and application.yml's agree with it, so a ticket and its history go together
    assertThat(DataRetentionProperties.DEFAULT_ENDED_TICKETS).isEqualTo(history);
    assertThat(bind(Map.of()).endedTickets()).as("the record's @DefaultValue").isEqualTo(history);
    assertThat(bind(applicationYml()).endedTickets())
        .as("snapdesk.data-retention.ended-tickets in application.yml").isEqualTo(history);
  }

  @Test
  void applicationYmlAndTheRecordGiveTheSameDefaults() throws Exception {
    assertThat(bind(applicationYml())).isEqualTo(DataRetentionProperties.defaults());
    assertThat(bind(Map.of())).isEqualTo(DataRetentionProperties.defaults());
    assertThat(DataRetentionProperties.defaults().idempotencyKeys()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void readsTheOperatorsSettings() {
    var properties = bind(Map.of("snapdesk.data-retention.ended-tickets", "400d",
        "snapdesk.data-retention.idempotency-keys", "PT48H"));
    assertThat(properties.endedTickets()).isEqualTo(Duration.ofDays(400));
    assertThat(properties.idempotencyKeys()).isEqualTo(Duration.ofHours(48));
  }

  @Test
  void refusesARetentionBelowItsMinimumNamingTheProperty() {
    // when an operator sets ended tickets to an hour, then the start fails and says which setting is wrong
    assertThatThrownBy(() -> bind(Map.of("snapdesk.data-retention.ended-tickets", "1h")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("snapdesk.data-retention");
    assertThatThrownBy(() -> bind(Map.of("snapdesk.data-retention.batch-size", "0")))
        .isInstanceOf(BindException.class);
  }

  private static Map<String, Object> applicationYml() throws Exception {
    Map<String, Object> flat = new LinkedHashMap<>();
    for (PropertySource<?> source : new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))) {
      if (source.getSource() instanceof Map<?, ?> map) map.forEach((k, v) -> flat.put(String.valueOf(k), v));
    }
    return flat;
  }

  private static DataRetentionProperties bind(Map<String, ?> properties) {
    Map<String, String> values = new LinkedHashMap<>();
    properties.forEach((k, v) -> values.put(k, String.valueOf(v)));
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("snapdesk.data-retention",
        Bindable.of(DataRetentionProperties.class), new ValidationBindHandler(VALIDATOR));
  }
}
