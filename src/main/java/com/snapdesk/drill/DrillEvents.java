package com.snapdesk.drill;

/** Port: told when a drill ends, e.g. to count it in metrics. */
public interface DrillEvents {

  void finished(RestoreDrill drill);
}
