package com.snapdesk.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateRetrievalTest {

  static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  private final List<Instant> askedSince = new ArrayList<>();
  private final MutableClock clock = new MutableClock(T);
  private final EstimateRetrieval estimates = new EstimateRetrieval((kind, since) -> {
    askedSince.add(since);
    return Collections.nCopies(kind.archived() ? 2 : 6, Duration.ofMinutes(30));
  }, clock);

  @Test
  void estimatesAnArchivedPointOnlyFromArchivedHistory() {
    // given plenty of standard retrievals and two archived ones
    // when estimating both kinds
    var standard = estimates.estimate(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, false));
    var archived = estimates.estimate(new RetrievalKind(Environment.PRODUCTION, Scope.FULL, true));

    // then the archived point is unknown: the standard history does not stand in for it
    assertThat(standard.known()).isTrue();
    assertThat(archived.known()).isFalse();
  }

  @Test
  void readsTheLastNinetyDaysAndKeepsTheAnswerForFiveMinutes() {
    var kind = new RetrievalKind(Environment.STAGING, Scope.DATABASE, false);

    estimates.estimate(kind);
    clock.set(T.plus(Duration.ofMinutes(4)));
    estimates.estimate(kind);
    clock.set(T.plus(Duration.ofMinutes(5)));
    estimates.estimate(kind);

    assertThat(askedSince).containsExactly(T.minus(Duration.ofDays(90)),
        T.plus(Duration.ofMinutes(5)).minus(Duration.ofDays(90)));
  }
}
