package com.snapdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaProperties.Targets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class SlaPropertiesTest {

  /** The block for application.yml, as given to operators. */
  static final String YAML = """
      snapdesk:
        sla:
          # Escalate to support-leads when this fraction of a target is used (0 < x < 1).
          escalate-at: 0.75
          # Calendar hours; time waiting on the customer or on an archive restore does not count.
          # Environments not listed have no SLA (integration: its requests are answered automatically).
          targets:
            production:
              first-response: 1h
              delivery: 8h
            staging:
              first-response: 4h
              delivery: 24h
      """;

  private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

  SlaPropertiesTest() {
    validator.afterPropertiesSet();
  }

  @AfterEach
  void closeValidator() {
    validator.close();
  }

  @Test
  void appliesTheDefaultsWhenNothingIsConfigured() {
    // given no snapdesk.sla properties
    // when binding
    SlaProperties properties = bind(Map.of());

    // then production is 1 h / 8 h, staging 4 h / 24 h, escalation at 75 %, and integration has no SLA
    assertThat(properties.escalateAt()).isEqualTo(0.75);
    assertThat(properties.targetsFor(Environment.PRODUCTION))
        .contains(new Targets(Duration.ofHours(1), Duration.ofHours(8)));
    assertThat(properties.targetsFor(Environment.STAGING))
        .contains(new Targets(Duration.ofHours(4), Duration.ofHours(24)));
    assertThat(properties.targetsFor(Environment.INTEGRATION)).isEmpty();
    assertThat(properties).isEqualTo(SlaProperties.defaults());
  }

  @Test
  void theYamlBlockForApplicationYmlStatesTheDefaults() throws IOException {
    // given the YAML block meant for application.yml
    var yaml = new YamlPropertySourceLoader()
        .load("application.yml", new ByteArrayResource(YAML.getBytes(StandardCharsets.UTF_8))).get(0);

    // when binding it
    SlaProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
        .bindOrCreate("snapdesk.sla", Bindable.of(SlaProperties.class), new ValidationBindHandler(validator));

    // then it says exactly what the defaults are
    assertThat(properties).isEqualTo(SlaProperties.defaults());
  }

  @Test
  void bindsKebabCaseKeysAndKeepsDefaultsForEnvironmentsNotConfigured() {
    // given production and integration configured, staging not
    var properties = bind(Map.of(
        "snapdesk.sla.escalate-at", "0.8",
        "snapdesk.sla.targets.production.first-response", "PT30M",
        "snapdesk.sla.targets.production.delivery", "6h",
        "snapdesk.sla.targets.integration.first-response", "P1D",
        "snapdesk.sla.targets.integration.delivery", "P3D"));

    // when reading the targets
    // then the configured ones apply and staging keeps its default
    assertThat(properties.escalateAt()).isEqualTo(0.8);
    assertThat(properties.targetsFor(Environment.PRODUCTION))
        .contains(new Targets(Duration.ofMinutes(30), Duration.ofHours(6)));
    assertThat(properties.targetsFor(Environment.STAGING))
        .contains(new Targets(Duration.ofHours(4), Duration.ofHours(24)));
    assertThat(properties.targetsFor(Environment.INTEGRATION))
        .contains(new Targets(Duration.ofDays(1), Duration.ofDays(3)));
    assertThat(properties.targetsFor(Environment.PRODUCTION).orElseThrow().of(SlaClockKind.DELIVERY))
        .isEqualTo(Duration.ofHours(6));
  }

  @ParameterizedTest(name = "escalate-at={0}")
  @ValueSource(strings = {"0", "1", "1.5", "-0.25"})
  void rejectsAnEscalationPointOutsideTheTarget(String fraction) {
    // given an escalation fraction that is not strictly between 0 and 1
    // when binding
    // then the application does not start, naming the property
    assertThatThrownBy(() -> bind(Map.of("snapdesk.sla.escalate-at", fraction)))
        .isInstanceOf(BindException.class)
        .cause().isInstanceOf(BindValidationException.class)
        .hasMessageContaining("escalateAt");
  }

  @Test
  void rejectsAConfiguredEnvironmentWithoutBothTargets() {
    // given production with a first-response target but no delivery target
    // when binding
    // then it fails rather than silently mixing configured and default values
    assertThatThrownBy(() -> bind(Map.of("snapdesk.sla.targets.production.first-response", "30m")))
        .isInstanceOf(BindException.class)
        .cause().isInstanceOf(BindValidationException.class)
        .hasMessageContaining("delivery");
  }

  @Test
  void rejectsATargetOfZero() {
    // given a zero delivery target
    // when binding
    // then it fails
    assertThatThrownBy(() -> bind(Map.of(
        "snapdesk.sla.targets.staging.first-response", "1h",
        "snapdesk.sla.targets.staging.delivery", "0s")))
        .isInstanceOf(BindException.class)
        .cause().isInstanceOf(BindValidationException.class)
        .hasMessageContaining("delivery");
  }

  @Test
  void rejectsTargetsForAnUnknownEnvironment() {
    // given a misspelt environment
    // when binding
    // then it fails, naming the valid ids
    assertThatThrownBy(() -> bind(Map.of(
        "snapdesk.sla.targets.prod.first-response", "1h",
        "snapdesk.sla.targets.prod.delivery", "8h")))
        .isInstanceOf(BindException.class)
        .cause().isInstanceOf(BindValidationException.class)
        .hasMessageContaining("production, staging, integration");
  }

  @Test
  void bindsABusinessHoursCalendarForOneEnvironment() {
    // given staging on Berlin office hours with two holidays, production not configured
    var properties = bind(Map.of(
        "snapdesk.sla.calendars.staging.zone", "Europe/Berlin",
        "snapdesk.sla.calendars.staging.working-days", "monday,tuesday,wednesday,thursday",
        "snapdesk.sla.calendars.staging.opens-at", "08:30",
        "snapdesk.sla.calendars.staging.closes-at", "16:30",
        "snapdesk.sla.calendars.staging.holidays[0]", "2026-12-24",
        "snapdesk.sla.calendars.staging.holidays[1]", "2026-12-31"));

    // when picking each environment's calendar
    SlaCalendars calendars = SlaCalendars.from(properties);

    // then staging counts Berlin working time only, production every hour
    var staging = properties.calendars().get("staging");
    assertThat(staging.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(staging.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
    assertThat(staging.opensAt()).isEqualTo(LocalTime.of(8, 30));
    assertThat(staging.holidays()).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
    Instant thursdayEvening = Instant.parse("2026-12-17T15:00:00Z"); // 16:00 in Berlin
    assertThat(calendars.of(Environment.STAGING).plus(thursdayEvening, Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-12-21T08:00:00Z")); // Monday 09:00 in Berlin
    assertThat(calendars.of(Environment.PRODUCTION)).isInstanceOf(CalendarHours.class);
  }

  @Test
  void aCalendarWithOnlyAZoneIsWeekdaysNineToFive() {
    // given only a zone
    var properties = bind(Map.of("snapdesk.sla.calendars.production.zone", "America/New_York"));

    // when binding
    var production = properties.calendars().get("production");

    // then the usual office hours apply
    assertThat(production.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    assertThat(production.opensAt()).isEqualTo(LocalTime.of(9, 0));
    assertThat(production.closesAt()).isEqualTo(LocalTime.of(17, 0));
    assertThat(production.holidays()).isEmpty();
  }

  @Test
  void rejectsABusinessHoursCalendarThatClosesBeforeItOpens() {
    // given opening hours 17:00–09:00
    // when binding
    // then the application does not start, naming the problem
    assertThatThrownBy(() -> bind(Map.of(
        "snapdesk.sla.calendars.staging.zone", "Europe/Berlin",
        "snapdesk.sla.calendars.staging.opens-at", "17:00",
        "snapdesk.sla.calendars.staging.closes-at", "09:00")))
        .isInstanceOf(BindException.class)
        .cause().isInstanceOf(BindValidationException.class)
        .hasMessageContaining("closes-at must be after opens-at");
  }

  @Test
  void rejectsABusinessHoursCalendarWithoutAZoneOrForAnUnknownEnvironment() {
    // given a calendar without its zone, and one for an environment that does not exist
    // when binding
    // then both are refused
    assertThatThrownBy(() -> bind(Map.of("snapdesk.sla.calendars.staging.opens-at", "08:00")))
        .isInstanceOf(BindException.class).cause().hasMessageContaining("zone");
    assertThatThrownBy(() -> bind(Map.of("snapdesk.sla.calendars.prod.zone", "UTC")))
        .isInstanceOf(BindException.class).cause().hasMessageContaining("snapdesk.sla.calendars");
  }

  @Test
  void theReadmesBusinessHoursExampleBinds() throws IOException {
    // given the calendar block of the README
    String readme = """
        snapdesk:
          sla:
            calendars:
              staging:
                zone: Europe/Berlin
                working-days: [monday, tuesday, wednesday, thursday, friday]
                opens-at: "09:00"
                closes-at: "17:00"
                holidays: [2026-12-24, 2026-12-25, 2026-12-31]
        """;
    var yaml = new YamlPropertySourceLoader()
        .load("application.yml", new ByteArrayResource(readme.getBytes(StandardCharsets.UTF_8))).get(0);

    // when binding it
    SlaProperties properties = new Binder(ConfigurationPropertySources.from(yaml))
        .bindOrCreate("snapdesk.sla", Bindable.of(SlaProperties.class), new ValidationBindHandler(validator));

    // then staging has Berlin office hours with three holidays
    var staging = properties.calendars().get("staging");
    assertThat(staging.workingDays()).hasSize(5);
    assertThat(staging.closesAt()).isEqualTo(LocalTime.of(17, 0));
    assertThat(staging.holidays()).containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25),
        LocalDate.of(2026, 12, 31));
  }

  private SlaProperties bind(Map<String, String> values) {
    var source = new MapConfigurationPropertySource(new HashMap<>(values));
    return new Binder(source).bindOrCreate("snapdesk.sla", Bindable.of(SlaProperties.class),
        new ValidationBindHandler(validator));
  }
}
