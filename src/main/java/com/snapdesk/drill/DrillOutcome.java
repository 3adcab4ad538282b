package com.snapdesk.drill;

/** Where a restore drill stands; the last three are final. */
public enum DrillOutcome {
  /** Waiting for its start time inside the schedule's window. */
  SCHEDULED,
  /** Retrieving or validating. */
  RUNNING,
  /** Retrieved and validated; {@code readyAfter} says how long retrieval took. */
  PASSED,
  /** No usable point, retrieval refused, or validation found a problem; {@code reason} says which. */
  FAILED,
  /** Not ready and validated within the drill timeout. */
  TIMED_OUT;

  public boolean finished() {
    return this == PASSED || this == FAILED || this == TIMED_OUT;
  }
}
