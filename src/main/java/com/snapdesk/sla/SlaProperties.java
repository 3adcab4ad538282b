package com.snapdesk.sla;

import com.snapdesk.recovery.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA targets per environment and when to escalate.
 *
 * <p>{@code targets} is keyed by environment id ({@code production}, {@code staging},
 * {@code integration}). Production (1 h / 8 h) and staging (4 h / 24 h) have {@link #DEFAULT_TARGETS}
 * that apply unless the environment is configured; an environment that is configured must give both
 * targets. An environment without targets (integration, by default) has no SLA.
 *
 * @param escalateAt the fraction of a target after which support leads are told, {@code 0 < x < 1}
 */
@ConfigurationProperties("snapdesk.sla")
@Validated
public record SlaProperties(
    @NotNull @DefaultValue("0.75") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double escalateAt,
    Map<String, @Valid @NotNull Targets> targets) {

  public static final double DEFAULT_ESCALATE_AT = 0.75;

  public static final Map<String, Targets> DEFAULT_TARGETS = Map.of(
      Environment.PRODUCTION.id(), new Targets(Duration.ofHours(1), Duration.ofHours(8)),
      Environment.STAGING.id(), new Targets(Duration.ofHours(4), Duration.ofHours(24)));

  public SlaProperties {
    var merged = new TreeMap<String, Targets>(DEFAULT_TARGETS);
    if (targets != null) {
      targets.forEach((key, value) -> merged.put(key.trim().toLowerCase(Locale.ROOT), value));
    }
    targets = Collections.unmodifiableSortedMap(merged);
  }

  /** Escalation at 75 % and the default targets. */
  public static SlaProperties defaults() {
    return new SlaProperties(DEFAULT_ESCALATE_AT, Map.of());
  }

  /** The targets of an environment; empty when it has no SLA. */
  public Optional<Targets> targetsFor(Environment environment) {
    return Optional.ofNullable(targets.get(environment.id()));
  }

  @AssertTrue(message = "keys under snapdesk.sla.targets must be environment ids: production, staging, integration")
  boolean isKeyedByEnvironment() {
    return targets.keySet().stream().allMatch(key -> Environment.parse(key).isPresent());
  }

  /** The SLA time allowed for each clock, at least a second; stored in whole seconds, rounded up. */
  public record Targets(@NotNull @DurationMin(seconds = 1) Duration firstResponse,
                        @NotNull @DurationMin(seconds = 1) Duration delivery) {

    public Duration of(SlaClockKind clock) {
      return switch (clock) {
        case FIRST_RESPONSE -> firstResponse;
        case DELIVERY -> delivery;
      };
    }
  }
}
