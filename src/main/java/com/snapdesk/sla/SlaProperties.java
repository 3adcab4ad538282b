package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * <p>{@code calendars} is keyed the same way: an environment listed there counts its targets in
 * business hours; the others count calendar hours (every hour, nights and weekends included).
 *
 * @param escalateAt the fraction of a target after which support leads are told, {@code 0 < x < 1};
 *     also where the dashboard starts calling a ticket "at risk"
 */
@ConfigurationProperties("snapdesk.sla")
@Validated
public record SlaProperties(
    @NotNull @DefaultValue("0.75") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
    Double escalateAt,
    Map<String, @Valid @NotNull Targets> targets,
    Map<String, @Valid @NotNull BusinessHoursCalendar> calendars) {

  public static final double DEFAULT_ESCALATE_AT = 0.75;

  public static final Map<String, Targets> DEFAULT_TARGETS = Map.of(
      Environment.PRODUCTION.id(), new Targets(Duration.ofHours(1), Duration.ofHours(8)),
      Environment.STAGING.id(), new Targets(Duration.ofHours(4), Duration.ofHours(24)));

  @ConstructorBinding
  public SlaProperties {
    var merged = new TreeMap<String, Targets>(DEFAULT_TARGETS);
    if (targets != null) {
      targets.forEach((key, value) -> merged.put(key.trim().toLowerCase(Locale.ROOT), value));
    }
    targets = Collections.unmodifiableSortedMap(merged);
    var byEnvironment = new TreeMap<String, BusinessHoursCalendar>();
    if (calendars != null) {
      calendars.forEach((key, value) -> byEnvironment.put(key.trim().toLowerCase(Locale.ROOT), value));
    }
    calendars = Collections.unmodifiableSortedMap(byEnvironment);
  }

  /** Targets in calendar hours everywhere. */
  public SlaProperties(Double escalateAt, Map<String, Targets> targets) {
    this(escalateAt, targets, Map.of());
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

  @AssertTrue(message = "keys under snapdesk.sla.calendars must be environment ids: production, staging, integration")
  boolean isCalendarKeyedByEnvironment() {
    return calendars.keySet().stream().allMatch(key -> Environment.parse(key).isPresent());
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

  /**
   * A business-hours calendar ({@code snapdesk.sla.calendars.<environment>.*}): SLA time runs only on
   * working days between {@code opens-at} and {@code closes-at} in {@code zone}, never on holidays.
   *
   * @param closesAt 00:00 means midnight at the end of the day
   * @param holidays dates in {@code zone} on which nothing counts
   */
  public record BusinessHoursCalendar(
      @NotNull ZoneId zone,
      @NotEmpty @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
      @NotNull @DefaultValue("09:00") LocalTime opensAt,
      @NotNull @DefaultValue("17:00") LocalTime closesAt,
      List<@NotNull LocalDate> holidays) {

    public BusinessHoursCalendar {
      workingDays = workingDays == null ? null : Set.copyOf(workingDays);
      holidays = holidays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(holidays));
    }

    @AssertTrue(message = "closes-at must be after opens-at (00:00 means midnight at the end of the day)")
    boolean isOpenSomeTime() {
      return opensAt == null || closesAt == null || closesAt.equals(LocalTime.MIDNIGHT) || closesAt.isAfter(opensAt);
    }

    public SlaCalendar toCalendar() {
      return new BusinessHours(zone, workingDays, opensAt, closesAt, new HashSet<>(holidays));
    }
  }
}
