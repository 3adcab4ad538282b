package com.snapdesk.sla;

import java.util.List;

/** Where SLA events are kept (table {@code sla_event}, Flyway V3). Append-only. */
public interface SlaEventLog {

  void append(SlaLogEntry entry);

  /** The ticket's entries in the order they happened (by time, then by insertion). */
  List<SlaLogEntry> history(String ticketId);
}
