package com.snapdesk.sla;

import com.snapdesk.project.Environment;
import java.time.Instant;
import java.util.List;

/**
 * Port: how finished restore drills turned out over time, for the SLA page's drill chart. The drill feature's
 * table answers it (drill already builds on sla through ticket, so the port lives here).
 */
public interface DrillTrendHistory {

  /**
   * Drills by when they finished, cut into periods like {@code SlaTrendHistory}: period i is
   * {@code [boundaries[i], boundaries[i + 1])}, the last one closed.
   *
   * @param environment only this environment; null for all
   * @return one entry per period, in order, zeros included
   */
  List<PeriodOutcomes> outcomesPerPeriod(List<Instant> boundaries, Environment environment);

  /** @param failed failed and timed out */
  record PeriodOutcomes(long passed, long failed) {}
}
