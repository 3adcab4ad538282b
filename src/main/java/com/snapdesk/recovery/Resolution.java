package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import com.snapdesk.shared.TimeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of resolving a requested moment to a recovery point: both neighbours, their
 * distances, the chosen one and how the moment relates to the retention schedule.
 *
 * @param before           latest candidate at or before the moment, or null
 * @param after            earliest candidate strictly after the moment, or null
 * @param beforeDistance   requested − before, or null without {@code before}
 * @param afterDistance    after − requested, or null without {@code after}
 * @param chosen           the point the policy picked, or null when there are no candidates
 * @param fellBackToAfter  policy at-or-before found no {@code before} and chose {@code after}
 * @param retentionTier    label of the schedule tier the moment's age falls in, or null
 * @param betweenTiers     the age falls in a gap of the schedule (e.g. week 7) where nothing is kept
 * @param outOfRetention   the moment is older than every candidate point (nothing at or before it
 *                         exists), or there are no candidates and it is beyond the schedule; intake
 *                         rejects such requests with the retention table
 * @param candidateCount   candidate points considered (same-instant duplicates counted once)
 */
public record Resolution(String projectId, Environment environment, Instant requestedInstant,
                         ResolutionPolicy policy, RecoveryPoint before, RecoveryPoint after,
                         Duration beforeDistance, Duration afterDistance, RecoveryPoint chosen,
                         boolean fellBackToAfter, String retentionTier, boolean betweenTiers,
                         boolean outOfRetention, int candidateCount) {

  public boolean hasChosen() {
    return chosen != null;
  }

  /** Distance between the requested moment and the chosen point, or null when nothing was chosen. */
  public Duration chosenDistance() {
    if (chosen == null) return null;
    return chosen == before ? beforeDistance : afterDistance;
  }

  /**
   * A sentence or two for the customer when something special happened: no points at all, the
   * moment predates the oldest point, the policy fell back to a later point, the moment falls in a
   * gap of the schedule, or the chosen point is archived. Times are in UTC; empty otherwise.
   */
  public Optional<String> explanation() {
    List<String> sentences = new ArrayList<>();
    if (candidateCount == 0) {
      sentences.add("There are no automatic recovery points for the " + environment.id()
          + " environment of project " + projectId
          + (outOfRetention ? ", and the requested moment is older than the retention schedule covers." : "."));
    } else if (outOfRetention) {
      sentences.add("The requested moment (" + TimeText.utc(requestedInstant)
          + ") is older than the oldest recovery point of this environment, from "
          + TimeText.utc(after.createdAt()) + ".");
    }
    if (fellBackToAfter) {
      sentences.add("No recovery point exists at or before the requested moment, so the earliest one after it, from "
          + TimeText.utc(after.createdAt()) + " (" + TimeText.distance(afterDistance) + " later), was chosen.");
    }
    if (betweenTiers && chosen != null && !outOfRetention) {
      sentences.add("The requested moment falls in a gap of the retention schedule where no backups are kept; the chosen recovery point is "
          + TimeText.distance(chosenDistance()) + (chosen == before ? " earlier." : " later."));
    }
    if (chosen != null && chosen.storageTier() == RecoveryPoint.StorageTier.ARCHIVE) {
      sentences.add("The chosen recovery point is in the archive storage tier; retrieving it can take up to 72 hours.");
    }
    return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
  }
}
