package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotTierStatusRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotTierStatus;
import software.amazon.awssdk.services.ec2.model.TieringOperationStatus;

/**
 * Brings archived snapshots back to the standard tier for a while ({@code RestoreSnapshotTier}, temporary), then
 * lets the process's timer ask again until EC2 reports them standard. Up to 72 h is normal; a restore running
 * longer becomes a technical failure for an operator to look at.
 */
final class ArchiveRestore {

  static final Duration LONGEST_RESTORE = Duration.ofHours(72);
  private static final Logger log = LoggerFactory.getLogger(ArchiveRestore.class);

  private final int restoreDays;
  private final Clock clock;

  ArchiveRestore(int restoreDays, Clock clock) {
    this.restoreDays = restoreDays;
    this.clock = clock;
  }

  RetrievalProgress restore(Ec2Client ec2, RecoveryPoint point, List<Snapshot> archived) {
    Map<String, SnapshotTierStatus> status = new HashMap<>();
    ec2.describeSnapshotTierStatusPaginator(DescribeSnapshotTierStatusRequest.builder()
            .filters(Filter.builder().name("snapshot-id").values(archived.stream().map(Snapshot::snapshotId).toList())
                .build())
            .build())
        .snapshotTierStatuses().forEach(s -> status.put(s.snapshotId(), s));
    Instant now = clock.instant();
    for (Snapshot s : archived) {
      SnapshotTierStatus tier = status.get(s.snapshotId());
      TieringOperationStatus op = tier == null ? null : tier.lastTieringOperationStatus();
      if (op == TieringOperationStatus.TEMPORARY_RESTORE_IN_PROGRESS
          || op == TieringOperationStatus.PERMANENT_RESTORE_IN_PROGRESS) {
        Instant started = tier.lastTieringStartTime();
        if (started != null && Duration.between(started, now).compareTo(LONGEST_RESTORE) > 0)
          throw new IllegalStateException("Snapshot " + s.snapshotId() + " of recovery point " + point.id()
              + " has been restoring from the archive tier since " + started + ", longer than 72 hours");
        continue;
      }
      if (op == TieringOperationStatus.TEMPORARY_RESTORE_FAILED || op == TieringOperationStatus.PERMANENT_RESTORE_FAILED)
        log.warn("Restoring snapshot {} from the archive failed ({}); asking again", s.snapshotId(),
            tier.lastTieringOperationStatusDetail());
      ec2.restoreSnapshotTier(b -> b.snapshotId(s.snapshotId()).temporaryRestoreDays(restoreDays));
      log.info("Restoring snapshot {} of recovery point {} from the archive tier for {} days", s.snapshotId(),
          point.id(), restoreDays);
    }
    return RetrievalProgress.restoringFromArchive("Recovery point " + point.id()
        + " is archived and is being restored from the archive storage tier; this can take up to 72 hours.");
  }
}
