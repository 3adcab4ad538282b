package com.snapdesk.recovery;

import static com.snapdesk.recovery.Points.PROJECT;
import static com.snapdesk.recovery.Points.catalog;
import static com.snapdesk.recovery.Points.point;
import static com.snapdesk.recovery.ResolutionPolicy.AT_OR_BEFORE;
import static com.snapdesk.recovery.ResolutionPolicy.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryPoint.State;
import com.snapdesk.recovery.RecoveryPoint.StorageTier;
import com.snapdesk.recovery.RecoveryPoint.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryPointResolverTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T15:20:00Z"), ZoneOffset.UTC);

  private static Resolution resolve(RecoveryPointCatalog catalog, String requested, ResolutionPolicy policy) {
    return new RecoveryPointResolver(catalog, RetentionPolicy.defaults(), NOW)
        .resolve(PROJECT, Environment.PRODUCTION, Instant.parse(requested), policy);
  }

  @Test
  void resolvesNearestPoint() {
    // given points at 12:00 and 13:00
    var catalog = catalog(point("noon", "2026-11-24T12:00:00Z"), point("one", "2026-11-24T13:00:00Z"));
    // when resolving 12:40 with the nearest policy
    var r = resolve(catalog, "2026-11-24T12:40:00Z", NEAREST);
    // then the later point, 20 min away, is chosen and both neighbours are recorded
    assertThat(r.chosen().id()).isEqualTo("one");
    assertThat(r.before().id()).isEqualTo("noon");
    assertThat(r.beforeDistance()).isEqualTo(Duration.ofMinutes(40));
    assertThat(r.afterDistance()).isEqualTo(Duration.ofMinutes(20));
    assertThat(r.chosenDistance()).isEqualTo(Duration.ofMinutes(20));
    assertThat(r.fellBackToAfter()).isFalse();
    assertThat(r.outOfRetention()).isFalse();
    assertThat(r.candidateCount()).isEqualTo(2);
    assertThat(r.explanation()).isEmpty();
  }

  @Test
  void resolvesEarlierPointOnTie() {
    // given two points 30 minutes either side of the requested moment
    var catalog = catalog(point("early", "2026-11-24T11:30:00Z"), point("late", "2026-11-24T12:30:00Z"));
    // when resolving with the nearest policy
    var r = resolve(catalog, "2026-11-24T12:00:00Z", NEAREST);
    // then the earlier one is chosen
    assertThat(r.chosen().id()).isEqualTo("early");
  }

  @Test
  void resolvesWithNearestWhenNoPolicyIsGiven() {
    // given points at 12:00 and 13:00
    var catalog = catalog(point("noon", "2026-11-24T12:00:00Z"), point("one", "2026-11-24T13:00:00Z"));
    // when resolving 12:50 without a policy
    var r = resolve(catalog, "2026-11-24T12:50:00Z", null);
    // then nearest applies
    assertThat(r.policy()).isEqualTo(NEAREST);
    assertThat(r.chosen().id()).isEqualTo("one");
  }

  @Test
  void atOrBeforeKeepsTheEarlierPointEvenWhenTheLaterIsCloser() {
    // given points at 12:00 and 13:00
    var catalog = catalog(point("noon", "2026-11-24T12:00:00Z"), point("one", "2026-11-24T13:00:00Z"));
    // when resolving 12:59 at-or-before (recovering from an incident at 12:59)
    var r = resolve(catalog, "2026-11-24T12:59:00Z", AT_OR_BEFORE);
    // then the point before the incident is chosen
    assertThat(r.chosen().id()).isEqualTo("noon");
    assertThat(r.fellBackToAfter()).isFalse();
  }

  @Test
  void atOrBeforeFallsBackToTheLaterPointAndSaysSo() {
    // given the oldest point is at 13:00
    var catalog = catalog(point("one", "2026-11-24T13:00:00Z"), point("two", "2026-11-24T14:00:00Z"));
    // when resolving 12:15 at-or-before
    var r = resolve(catalog, "2026-11-24T12:15:00Z", AT_OR_BEFORE);
    // then the 13:00 point is chosen, flagged as a fallback and explained
    assertThat(r.chosen().id()).isEqualTo("one");
    assertThat(r.before()).isNull();
    assertThat(r.beforeDistance()).isNull();
    assertThat(r.fellBackToAfter()).isTrue();
    assertThat(r.outOfRetention()).isTrue();
    assertThat(r.explanation()).hasValueSatisfying(text -> assertThat(text)
        .contains("older than the oldest recovery point of this environment, from 2026-11-24 13:00 UTC")
        .contains("the earliest one after it, from 2026-11-24 13:00 UTC (45 min later), was chosen"));
  }

  @Test
  void resolvesAnExactMatchToThatPoint() {
    // given points at 12:00 and 13:00
    var catalog = catalog(point("noon", "2026-11-24T12:00:00Z"), point("one", "2026-11-24T13:00:00Z"));
    // when resolving exactly 13:00, with either policy
    var nearest = resolve(catalog, "2026-11-24T13:00:00Z", NEAREST);
    var atOrBefore = resolve(catalog, "2026-11-24T13:00:00Z", AT_OR_BEFORE);
    // then the 13:00 point is "before" at distance zero and chosen
    for (Resolution r : List.of(nearest, atOrBefore)) {
      assertThat(r.chosen().id()).isEqualTo("one");
      assertThat(r.before().id()).isEqualTo("one");
      assertThat(r.beforeDistance()).isZero();
      assertThat(r.after()).isNull();
      assertThat(r.afterDistance()).isNull();
    }
  }

  @Test
  void ignoresPendingAndErrorPoints() {
    // given a completed point at 12:00, an error point at 12:30 and a pending one at 13:00
    var catalog = catalog(
        point("ok", "2026-11-25T12:00:00Z"),
        point("failed", "2026-11-25T12:30:00Z", Type.AUTOMATIC, State.ERROR, StorageTier.STANDARD),
        point("running", "2026-11-25T13:00:00Z", Type.AUTOMATIC, State.PENDING, StorageTier.STANDARD));
    // when resolving 12:55
    var r = resolve(catalog, "2026-11-25T12:55:00Z", NEAREST);
    // then only the completed point counts
    assertThat(r.chosen().id()).isEqualTo("ok");
    assertThat(r.after()).isNull();
    assertThat(r.candidateCount()).isEqualTo(1);
  }

  @Test
  void ignoresManualSnapshots() {
    // given an automatic point at 12:00 and a manual snapshot at 12:50
    var catalog = catalog(point("auto", "2026-11-25T12:00:00Z"),
        point("manual", "2026-11-25T12:50:00Z", Type.MANUAL, State.COMPLETED, StorageTier.STANDARD));
    // when resolving 12:55
    // then the automatic point is chosen
    assertThat(resolve(catalog, "2026-11-25T12:55:00Z", NEAREST).chosen().id()).isEqualTo("auto");
  }

  @Test
  void usesArchivedPointsAndWarnsTheyAreSlow() {
    // given only an archived point, 100 days old
    var catalog = catalog(point("old", "2026-08-17T00:00:00Z", Type.AUTOMATIC, State.COMPLETED, StorageTier.ARCHIVE));
    // when resolving a moment shortly after it
    var r = resolve(catalog, "2026-08-17T06:00:00Z", NEAREST);
    // then it is chosen and the customer is told about the archive delay
    assertThat(r.chosen().id()).isEqualTo("old");
    assertThat(r.explanation()).hasValueSatisfying(text -> assertThat(text).contains("archive storage tier")
        .contains("72 hours"));
  }

  @Test
  void answersWithoutPointsWhenTheEnvironmentHasNone() {
    // given an environment without any automatic point
    var catalog = catalog(point("manual", "2026-11-25T12:50:00Z", Type.MANUAL, State.COMPLETED, StorageTier.STANDARD));
    // when resolving yesterday
    var r = resolve(catalog, "2026-11-24T12:00:00Z", NEAREST);
    // then nothing is chosen, it is not out of retention, and the customer is told there are none
    assertThat(r.chosen()).isNull();
    assertThat(r.hasChosen()).isFalse();
    assertThat(r.chosenDistance()).isNull();
    assertThat(r.candidateCount()).isZero();
    assertThat(r.outOfRetention()).isFalse();
    assertThat(r.retentionTier()).isEqualTo("days 1–3");
    assertThat(r.explanation()).contains(
        "There are no automatic recovery points for the production environment of project mx7k2p4qzt3rw.");
  }

  @Test
  void treatsAnOldMomentWithoutPointsAsOutOfRetention() {
    // given no points at all
    // when resolving a moment a year ago
    var r = resolve(catalog(), "2025-11-25T12:00:00Z", NEAREST);
    // then it is out of retention as well as without points
    assertThat(r.outOfRetention()).isTrue();
    assertThat(r.retentionTier()).isNull();
    assertThat(r.explanation()).hasValueSatisfying(text -> assertThat(text).contains("older than the retention schedule covers"));
  }

  @Test
  void rejectsAMomentOlderThanTheOldestPointAsOutOfRetention() {
    // given the oldest point is 144 days old
    var catalog = catalog(point("oldest", "2026-07-04T15:00:00Z"), point("newer", "2026-08-03T15:00:00Z"));
    // when resolving 160 days ago with the nearest policy
    var r = resolve(catalog, "2026-06-18T15:00:00Z", NEAREST);
    // then it is out of retention, the oldest point is "after", and the explanation names its time
    assertThat(r.outOfRetention()).isTrue();
    assertThat(r.before()).isNull();
    assertThat(r.after().id()).isEqualTo("oldest");
    assertThat(r.fellBackToAfter()).isFalse();
    assertThat(r.retentionTier()).isNull();
    assertThat(r.explanation()).contains("The requested moment (2026-06-18 15:00 UTC) is older than the oldest "
        + "recovery point of this environment, from 2026-07-04 15:00 UTC.");
  }

  @Test
  void usesAPointThatOutlivedTheSchedule() {
    // given a point 200 days old (kept longer than the schedule says)
    var catalog = catalog(point("ancient", "2026-05-09T15:00:00Z"));
    // when resolving 190 days ago
    var r = resolve(catalog, "2026-05-19T15:00:00Z", NEAREST);
    // then the point that exists is used: not out of retention, but in no tier
    assertThat(r.chosen().id()).isEqualTo("ancient");
    assertThat(r.outOfRetention()).isFalse();
    assertThat(r.retentionTier()).isNull();
  }

  @Test
  void labelsTheRetentionTierOfTheRequestedMoment() {
    // given points spread over five months
    var catalog = catalog(point("a", "2026-07-01T00:00:00Z"), point("b", "2026-11-25T15:00:00Z"));
    var resolver = new RecoveryPointResolver(catalog, RetentionPolicy.defaults(), NOW);
    Instant now = NOW.instant();
    // when resolving moments of different ages
    // then each carries the label of its tier
    assertThat(tierOf(resolver, now.minus(Duration.ofHours(2)))).isEqualTo("days 1–3");
    assertThat(tierOf(resolver, now.minus(Duration.ofDays(5)))).isEqualTo("days 4–7");
    assertThat(tierOf(resolver, now.minus(Duration.ofDays(10)))).isEqualTo("weeks 2–6");
    assertThat(tierOf(resolver, now.minus(Duration.ofDays(60)))).isEqualTo("weeks 8–12");
    assertThat(tierOf(resolver, now.minus(Duration.ofDays(100)))).isEqualTo("months 3–5");
    assertThat(tierOf(resolver, now.plus(Duration.ofSeconds(30)))).isEqualTo("days 1–3");
  }

  @Test
  void explainsARequestInAGapOfTheSchedule() {
    // given weekly points up to week 6 and fortnightly from week 8 (nothing in week 7)
    Instant now = NOW.instant();
    var catalog = catalog(point("week6", now.minus(Duration.ofDays(42)).toString()),
        point("week8", now.minus(Duration.ofDays(56)).toString()));
    // when resolving 45 days ago
    var r = new RecoveryPointResolver(catalog, RetentionPolicy.defaults(), NOW)
        .resolve(PROJECT, Environment.PRODUCTION, now.minus(Duration.ofDays(45)), NEAREST);
    // then the gap is flagged and the explanation says how far the chosen point is
    assertThat(r.retentionTier()).isNull();
    assertThat(r.betweenTiers()).isTrue();
    assertThat(r.outOfRetention()).isFalse();
    assertThat(r.chosen().id()).isEqualTo("week6");
    assertThat(r.explanation()).contains("The requested moment falls in a gap of the retention schedule where no "
        + "backups are kept; the chosen recovery point is 3 d later.");
  }

  @Test
  void asksTheCatalogForItsIndexRatherThanScanningPoints() {
    // given a catalog whose full listing must not be used for resolution
    var index = CandidateIndex.of(List.of(point("only", "2026-11-25T12:00:00Z")));
    RecoveryPointCatalog catalog = new RecoveryPointCatalog() {
      @Override public List<RecoveryPoint> points(String p, Environment e) {
        throw new AssertionError("resolution scanned every point instead of using the index");
      }
      @Override public Optional<RecoveryPoint> find(String p, Environment e, String id) { return Optional.empty(); }
      @Override public CandidateIndex candidates(String p, Environment e) { return index; }
    };
    // when resolving
    // then the indexed point is found
    assertThat(resolve(catalog, "2026-11-25T12:10:00Z", NEAREST).chosen().id()).isEqualTo("only");
  }

  private static String tierOf(RecoveryPointResolver resolver, Instant requested) {
    return resolver.resolve(PROJECT, Environment.PRODUCTION, requested, NEAREST).retentionTier();
  }
}
