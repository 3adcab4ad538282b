package com.snapdesk.drill;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Restore drills (docs/operations.md "Restore drills").
 *
 * @param schedule      when drills run: a Spring cron expression ({@code 0 0 3 * * SUN}) or an ISO-8601 repeating
 *                      interval ({@code R/PT24H}, {@code R/2026-01-04T03:00:00Z/P7D}); unset: no drills
 * @param window        drills of one firing are spread over this much time
 * @param maxConcurrent at most this many drills start together; the next batch starts a window share later
 * @param policy        which recovery point a drill tests: {@code latest} or {@code random-within-window}
 * @param pointWindow   for {@code random-within-window}: how far back a point may have been taken
 * @param timeout       a drill not ready and validated by then fails as timed out (and is cleaned up)
 * @param pollInterval  how often a drill looks again while retrieval is in progress
 * @param rto           the published recovery time objective, which the dashboard compares time to ready with
 */
@ConfigurationProperties("snapdesk.drills")
@Validated
public record DrillProperties(String schedule,
                              @NotNull @DefaultValue("PT6H") Duration window,
                              @Min(1) @DefaultValue("4") int maxConcurrent,
                              @NotNull @DefaultValue("latest") DrillPointPolicy policy,
                              @NotNull @DefaultValue("P7D") Duration pointWindow,
                              @NotNull @DefaultValue("PT2H") Duration timeout,
                              @NotNull @DefaultValue("PT1M") Duration pollInterval,
                              @NotNull @DefaultValue("PT4H") Duration rto) {

  public boolean enabled() {
    return schedule != null && !schedule.isBlank() && !"off".equalsIgnoreCase(schedule.trim());
  }
}
