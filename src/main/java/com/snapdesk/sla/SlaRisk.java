package com.snapdesk.sla;

/**
 * How an open SLA clock looks to a manager: on track, at risk once the escalation fraction of its target
 * is used (75 % by default, when support leads are alerted too), breached once more than the target is.
 */
public enum SlaRisk {
  BREACHED,
  AT_RISK,
  ON_TRACK;

  public static SlaRisk of(double usedFraction, double atRiskFrom) {
    if (usedFraction > 1) return BREACHED;
    return usedFraction >= atRiskFrom ? AT_RISK : ON_TRACK;
  }
}
