package com.snapdesk.estimate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Use case: the estimate a customer sees for their kind of retrieval, from the last {@link #WINDOW} of history.
 * Kept for {@link #CACHE_FOR}: every status page view would otherwise scan the ticket timeline, and a few minutes
 * of staleness change nothing in a figure of "about 40 minutes".
 */
@Service
public class EstimateRetrieval {

  static final Duration WINDOW = Duration.ofDays(90);
  static final Duration CACHE_FOR = Duration.ofMinutes(5);

  private final RetrievalHistory history;
  private final Clock clock;
  private final Map<RetrievalKind, Cached> cache = new ConcurrentHashMap<>();

  public EstimateRetrieval(RetrievalHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  public RetrievalEstimate estimate(RetrievalKind kind) {
    Instant now = clock.instant();
    Cached cached = cache.get(kind);
    if (cached != null && now.isBefore(cached.at().plus(CACHE_FOR)) && !now.isBefore(cached.at())) {
      return cached.estimate();
    }
    RetrievalEstimate estimate = RetrievalEstimate.of(history.readyAfter(kind, now.minus(WINDOW)), kind.archived());
    cache.put(kind, new Cached(now, estimate));
    return estimate;
  }

  private record Cached(Instant at, RetrievalEstimate estimate) {}
}
