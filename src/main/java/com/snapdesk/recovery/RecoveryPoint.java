package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import java.time.Instant;
import java.util.List;

/**
 * The set of encrypted EBS snapshots taken together for one environment (mounts and databases,
 * not application code).
 */
public record RecoveryPoint(String id, String projectId, Environment environment, Instant createdAt,
                            Type type, State state, StorageTier storageTier, List<String> snapshotIds) {

  public RecoveryPoint {
    snapshotIds = List.copyOf(snapshotIds);
  }

  public enum Type { AUTOMATIC, MANUAL }

  public enum State { PENDING, COMPLETED, ERROR }

  /** Archived points are usable but slower: restoring from the archive tier takes up to 72 h. */
  public enum StorageTier { STANDARD, ARCHIVE }

  /** Only completed automatic points may be used to answer a request. */
  public boolean isCandidate() {
    return type == Type.AUTOMATIC && state == State.COMPLETED;
  }
}
