package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.Scope;
import java.util.Optional;

/**
 * Retrieval on AWS: a database request gets a download link to the point's dump when the pipeline wrote one and the
 * requester is a registered contact; everything else gets recovery volumes on the environment's first node.
 */
public final class AwsRecoveryRetrieval implements RecoveryRetrieval {

  private final VolumeRetrieval volumes;
  private final VolumeCleanup volumeCleanup;
  private final DumpLinks dumpLinks;

  AwsRecoveryRetrieval(VolumeRetrieval volumes, VolumeCleanup volumeCleanup, DumpLinks dumpLinks) {
    this.volumes = volumes;
    this.volumeCleanup = volumeCleanup;
    this.dumpLinks = dumpLinks;
  }

  @Override
  public RetrievalProgress retrieve(RetrievalRequest request) {
    if (dumpLinks != null && request.scope() == Scope.DATABASE && request.requesterIsContact()) {
      Optional<RetrievalProgress> link = dumpLinks.deliver(request);
      if (link.isPresent()) return link.get();
    }
    return volumes.retrieve(request);
  }

  @Override
  public void cleanup(String recoveryId) {
    // The delivered copy first: it is quick, and the volumes may make this call wait and end in a retry.
    if (dumpLinks != null) dumpLinks.cleanup(recoveryId);
    volumeCleanup.cleanup(recoveryId);
  }
}
