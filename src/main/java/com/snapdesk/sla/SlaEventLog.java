package com.snapdesk.sla;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where SLA events are kept (table {@code sla_event}, Flyway V3). Append-only. */
public interface SlaEventLog {

  void append(SlaLogEntry entry);

  /** The ticket's entries in the order they happened (by time, then by insertion). */
  List<SlaLogEntry> history(String ticketId);

  /** {@link #history} of several tickets at once; tickets without entries are absent from the map. */
  default Map<String, List<SlaLogEntry>> histories(Collection<String> ticketIds) {
    Map<String, List<SlaLogEntry>> result = new LinkedHashMap<>();
    for (String id : ticketIds) {
      List<SlaLogEntry> entries = history(id);
      if (!entries.isEmpty()) result.put(id, entries);
    }
    return result;
  }
}
