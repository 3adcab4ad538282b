package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which calendar each environment's SLAs count in: calendar hours unless a business-hours calendar is
 * configured for it. Due dates, escalation timers, the dashboard and the metrics all ask here.
 */
public final class SlaCalendars {

  private static final SlaCalendar CALENDAR_HOURS = new CalendarHours();

  private final Map<Environment, SlaCalendar> calendars;
  private final SlaCalendar fallback;

  private SlaCalendars(Map<Environment, SlaCalendar> calendars, SlaCalendar fallback) {
    this.calendars = calendars;
    this.fallback = fallback;
  }

  /** The calendars configured under {@code snapdesk.sla.calendars}; calendar hours elsewhere. */
  public static SlaCalendars from(SlaProperties properties) {
    Map<Environment, SlaCalendar> map = new EnumMap<>(Environment.class);
    properties.calendars().forEach((key, spec) ->
        map.put(Environment.parse(key).orElseThrow(), spec.toCalendar()));
    return new SlaCalendars(map, CALENDAR_HOURS);
  }

  /** One calendar for every environment (tests, or a desk that works one way everywhere). */
  public static SlaCalendars everywhere(SlaCalendar calendar) {
    return new SlaCalendars(Map.of(), Objects.requireNonNull(calendar, "calendar"));
  }

  public SlaCalendar of(Environment environment) {
    return calendars.getOrDefault(environment, fallback);
  }
}
