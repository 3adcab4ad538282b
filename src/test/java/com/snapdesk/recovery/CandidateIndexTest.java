package com.snapdesk.recovery;

import static com.snapdesk.recovery.Points.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.recovery.RecoveryPoint.State;
import com.snapdesk.recovery.RecoveryPoint.StorageTier;
import com.snapdesk.recovery.RecoveryPoint.Type;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateIndexTest {

  private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void answersNeighboursByTime() {
    // given candidates at 10:00, 11:00 and 13:00 listed out of order
    var index = CandidateIndex.of(List.of(
        point("c", "2026-11-20T13:00:00Z"), point("a", "2026-11-20T10:00:00Z"), point("b", "2026-11-20T11:00:00Z")));
    // when asking around 12:00, 11:00 and the edges
    // then floor is at-or-before and higher strictly after
    assertThat(index.floor(T)).map(RecoveryPoint::id).contains("b");
    assertThat(index.higher(T)).map(RecoveryPoint::id).contains("c");
    assertThat(index.floor(Instant.parse("2026-11-20T11:00:00Z"))).map(RecoveryPoint::id).contains("b");
    assertThat(index.higher(Instant.parse("2026-11-20T11:00:00Z"))).map(RecoveryPoint::id).contains("c");
    assertThat(index.floor(Instant.parse("2026-11-20T09:00:00Z"))).isEmpty();
    assertThat(index.higher(Instant.parse("2026-11-20T13:00:00Z"))).isEmpty();
    assertThat(index.neighbours(T)).isEqualTo(new CandidateIndex.Neighbours(index.floor(T).get(), index.higher(T).get()));
    assertThat(index.neighbours(Instant.parse("2026-11-20T09:00:00Z")).before()).isNull();
    assertThat(index.oldest()).map(RecoveryPoint::id).contains("a");
    assertThat(index.newest()).map(RecoveryPoint::id).contains("c");
  }

  @Test
  void indexesOnlyCompletedAutomaticPoints() {
    // given a pending, an error, a manual and an archived completed point
    var index = CandidateIndex.of(List.of(
        point("pending", "2026-11-20T11:00:00Z", Type.AUTOMATIC, State.PENDING, StorageTier.STANDARD),
        point("error", "2026-11-20T11:30:00Z", Type.AUTOMATIC, State.ERROR, StorageTier.STANDARD),
        point("manual", "2026-11-20T11:45:00Z", Type.MANUAL, State.COMPLETED, StorageTier.STANDARD),
        point("archived", "2026-11-20T10:00:00Z", Type.AUTOMATIC, State.COMPLETED, StorageTier.ARCHIVE)));
    // when indexing
    // then only the archived one is a candidate
    assertThat(index.points()).extracting(RecoveryPoint::id).containsExactly("archived");
  }

  @Test
  void keepsOneDeterministicPointPerInstant() {
    // given three candidates at the same instant: two archived, one standard with the largest id
    var index = CandidateIndex.of(List.of(
        point("rp-b", "2026-11-20T11:00:00Z", Type.AUTOMATIC, State.COMPLETED, StorageTier.ARCHIVE),
        point("rp-z", "2026-11-20T11:00:00Z", Type.AUTOMATIC, State.COMPLETED, StorageTier.STANDARD),
        point("rp-a", "2026-11-20T11:00:00Z", Type.AUTOMATIC, State.COMPLETED, StorageTier.ARCHIVE)));
    // when asking from either side
    // then the standard one answers both, and the duplicates count once
    assertThat(index.floor(T)).map(RecoveryPoint::id).contains("rp-z");
    assertThat(index.higher(Instant.parse("2026-11-20T10:00:00Z"))).map(RecoveryPoint::id).contains("rp-z");
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void breaksTiesBetweenEqualTiersBySmallestId() {
    // given two standard candidates at the same instant
    var index = CandidateIndex.of(List.of(point("rp-2", "2026-11-20T11:00:00Z"), point("rp-1", "2026-11-20T11:00:00Z")));
    // when asking
    // then the smaller id answers
    assertThat(index.floor(T)).map(RecoveryPoint::id).contains("rp-1");
  }
}
