package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryDownloads;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RetrievalValidation;
import com.snapdesk.recovery.Scope;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Retrieval on AWS: a database request gets a download link to the point's dump when the pipeline wrote one and the
 * requester is a registered contact; everything else gets recovery volumes on the environment's first node.
 */
public final class AwsRecoveryRetrieval implements RecoveryRetrieval, RecoveryDownloads, RetrievalValidation {

  private final VolumeRetrieval volumes;
  private final VolumeCleanup volumeCleanup;
  private final DumpLinks dumpLinks;
  private final AwsDrillValidation drillValidation;

  AwsRecoveryRetrieval(VolumeRetrieval volumes, VolumeCleanup volumeCleanup, DumpLinks dumpLinks,
                       AwsDrillValidation drillValidation) {
    this.drillValidation = drillValidation;
    this.volumes = volumes;
    this.volumeCleanup = volumeCleanup;
    this.dumpLinks = dumpLinks;
  }

  /**
   * @param regions             where cleanup looks for a recovery's volumes
   * @param retrievedDataExpiry how long retrieved data stays available (a dump link never outlives it)
   * @param pause               how cleanup waits between looks at detaching volumes
   */
  static AwsRecoveryRetrieval create(AwsBackendProperties properties, AwsClients clients, Supplier<Set<String>> regions,
                                     Clock clock, Duration retrievedDataExpiry, VolumeCleanup.Pause pause) {
    return create(properties, AwsDrillProperties.none(), clients, regions, clock, retrievedDataExpiry, pause);
  }

  /** @param drill where restore drills attach their volumes */
  static AwsRecoveryRetrieval create(AwsBackendProperties properties, AwsDrillProperties drill, AwsClients clients,
                                     Supplier<Set<String>> regions, Clock clock, Duration retrievedDataExpiry,
                                     VolumeCleanup.Pause pause) {
    RecoveryVolumes volumes = new RecoveryVolumes(properties.tags());
    SsmMount ssm = new SsmMount();
    VolumeRetrieval retrieval = new VolumeRetrieval(clients, properties, volumes,
        new ArchiveRestore(properties.restoreDays(), clock), ssm, clock, drill);
    VolumeCleanup cleanup = new VolumeCleanup(clients, regions, volumes, ssm, properties.mountWithSsm(),
        properties.cleanupWait(), firstPause(properties.cleanupWait()), pause, System::nanoTime);
    DumpLinks dumps = properties.dumpLinksEnabled() ? new DumpLinks(clients, properties, retrievedDataExpiry, clock) : null;
    return new AwsRecoveryRetrieval(retrieval, cleanup, dumps,
        new AwsDrillValidation(clients, volumes, retrieval, properties.mountWithSsm()));
  }

  /** Detaching takes seconds: look again after 2 s (less when the whole wait is short), then back off. */
  static Duration firstPause(Duration cleanupWait) {
    Duration tenth = cleanupWait.dividedBy(10);
    if (tenth.compareTo(Duration.ofSeconds(2)) > 0) return Duration.ofSeconds(2);
    return tenth.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : tenth;
  }

  @Override
  public RetrievalProgress retrieve(RetrievalRequest request) {
    // a drill tests the volumes, the path every point has; a link would hand the dump to nobody
    if (dumpLinks != null && request.target() == Target.CUSTOMER_NODE && request.scope() == Scope.DATABASE && request.requesterIsContact()) {
      Optional<RetrievalProgress> link = dumpLinks.deliver(request);
      if (link.isPresent()) return link.get();
    }
    return volumes.retrieve(request);
  }

  @Override
  public Optional<URI> link(String location, Duration validity) {
    return dumpLinks == null ? Optional.empty() : dumpLinks.link(location, validity);
  }

  @Override
  public Validation validate(RetrievalRequest request) {
    return drillValidation.validate(request);
  }

  @Override
  public void cleanup(String recoveryId) {
    // The delivered copy first: it is quick, and the volumes may make this call wait and end in a retry.
    if (dumpLinks != null) dumpLinks.cleanup(recoveryId);
    volumeCleanup.cleanup(recoveryId);
  }
}
