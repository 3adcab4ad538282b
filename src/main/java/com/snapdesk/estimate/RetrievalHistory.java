package com.snapdesk.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: how long finished retrievals of one kind took until the data was ready, measured from the start of
 * retrieval (after approval): tickets from their first RETRIEVING to READY, passed restore drills by their
 * ready-after time (drills retrieve full, recent points, so they count for the standard tier and full scope).
 */
public interface RetrievalHistory {

  /** One duration per retrieval that became ready at or after {@code since}, in no particular order. */
  List<Duration> readyAfter(RetrievalKind kind, Instant since);
}
