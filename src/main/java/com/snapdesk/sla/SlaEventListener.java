package com.snapdesk.sla;

/**
 * Told about every SLA event {@link SlaTracker} records (metrics, for one). Called inside the recording
 * transaction: a listener with outside effects waits for the commit itself.
 */
public interface SlaEventListener {

  void recorded(SlaLogEntry entry);
}
