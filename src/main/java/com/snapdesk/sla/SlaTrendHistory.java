package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import com.snapdesk.sla.SlaHistory.Outcomes;
import java.time.Instant;
import java.util.List;

/**
 * Port: the {@link SlaHistory} figures cut into consecutive periods (weeks for the trend charts) in one query,
 * per environment and clock.
 */
public interface SlaTrendHistory {

  /**
   * @param boundaries n + 1 instants in order: period i is {@code [boundaries[i], boundaries[i + 1])}, the last one
   *                   closed like {@link SlaHistory#outcomes}
   * @param environment only this environment; null for all
   * @return one row per environment, period and clock that had finished clocks; periods without are left out
   */
  List<PeriodOutcomes> outcomesPerPeriod(List<Instant> boundaries, Environment environment);

  record PeriodOutcomes(Environment environment, int period, SlaClockKind clock, Outcomes outcomes) {}
}
