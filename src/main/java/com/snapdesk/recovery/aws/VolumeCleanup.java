package com.snapdesk.recovery.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;

/**
 * Removes a recovery's volumes, found by their recovery tag in every region the projects use: unmount (when
 * Snapdesk mounted them), detach, wait until detached, delete. Every pass starts from what EC2 reports, so a run
 * after a crash half-way simply finishes the job; a volume already gone is fine. The wait is bounded: what is still
 * detaching then is left to the job's next retry. Only volumes are deleted, never a snapshot.
 */
final class VolumeCleanup {

  private static final Logger log = LoggerFactory.getLogger(VolumeCleanup.class);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

  /** How cleanup waits between passes; a seam so tests need not wait. */
  interface Pause {
    void pause(Duration duration);

    Pause SLEEP = d -> {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for recovery volumes to detach", e);
      }
    };
  }

  private final AwsClients clients;
  private final Supplier<Set<String>> regions;
  private final RecoveryVolumes volumes;
  private final SsmMount ssm;
  private final boolean mountWithSsm;
  private final Duration wait;
  private final Duration firstPause;
  private final Pause pause;
  private final LongSupplier nanoTime;

  VolumeCleanup(AwsClients clients, Supplier<Set<String>> regions, RecoveryVolumes volumes, SsmMount ssm,
                boolean mountWithSsm, Duration wait, Duration firstPause, Pause pause, LongSupplier nanoTime) {
    this.clients = clients;
    this.regions = regions;
    this.volumes = volumes;
    this.ssm = ssm;
    this.mountWithSsm = mountWithSsm;
    this.wait = wait;
    this.firstPause = firstPause;
    this.pause = pause;
    this.nanoTime = nanoTime;
  }

  void cleanup(String recoveryId) {
    long deadline = nanoTime.getAsLong() + wait.toNanos();
    Duration next = firstPause;
    while (true) {
      int busy = 0;
      for (String region : regions.get()) busy += pass(region, recoveryId);
      if (busy == 0) return;
      if (nanoTime.getAsLong() - deadline > 0)
        throw new IllegalStateException(busy + " recovery volume(s) of " + recoveryId + " still attached or changing "
            + "state after " + wait + "; cleanup continues on the next retry");
      pause.pause(next);
      next = next.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next.multipliedBy(2);
    }
  }

  /** One step for every volume; answers how many are not gone or going yet. */
  private int pass(String region, String recoveryId) {
    Ec2Client ec2 = clients.ec2(region);
    int busy = 0;
    Map<String, List<Volume>> attachedByNode = new LinkedHashMap<>();
    for (Volume v : volumes.of(ec2, recoveryId)) {
      switch (v.state()) {
        case DELETING, DELETED -> { }
        case AVAILABLE, ERROR -> busy += delete(ec2, v);
        case IN_USE -> {
          VolumeAttachment a = VolumeRetrieval.attachment(v).orElse(null);
          if (a != null && a.state() != VolumeAttachmentState.DETACHING)
            attachedByNode.computeIfAbsent(a.instanceId(), k -> new ArrayList<>()).add(v);
          busy++;
        }
        default -> busy++; // creating: it can only be deleted once available
      }
    }
    attachedByNode.forEach((instanceId, attached) -> {
      if (!mountWithSsm || unmounted(region, ec2, instanceId, recoveryId, attached)) attached.forEach(v -> detach(ec2, v));
    });
    return busy;
  }

  private boolean unmounted(String region, Ec2Client ec2, String instanceId, String recoveryId, List<Volume> attached) {
    boolean mounted = attached.stream().anyMatch(v -> RecoveryVolumes.tag(v, RecoveryVolumes.MOUNT_COMMAND_TAG).isPresent());
    if (!mounted) return true;
    String sent = RecoveryVolumes.commonTag(attached, RecoveryVolumes.UNMOUNT_COMMAND_TAG);
    List<SsmMount.Mount> mounts = attached.stream().map(v -> new SsmMount.Mount(v.volumeId(),
        VolumeRetrieval.attachment(v).orElseThrow().device(), mountDirectory(recoveryId, v, attached.size()))).toList();
    return ssm.unmounted(clients.ssm(region), ec2, instanceId, recoveryId, mounts, sent);
  }

  private static String mountDirectory(String recoveryId, Volume v, int count) {
    String base = VolumeRetrieval.mountPath(recoveryId);
    return count == 1 ? base : base + "/" + v.snapshotId();
  }

  private static void detach(Ec2Client ec2, Volume v) {
    try {
      ec2.detachVolume(b -> b.volumeId(v.volumeId()));
      log.info("Detaching recovery volume {}", v.volumeId());
    } catch (AwsServiceException e) {
      if (!AwsErrors.isNotFound(e) && !AwsErrors.is(e, "IncorrectState")) throw e;
    }
  }

  private static int delete(Ec2Client ec2, Volume v) {
    try {
      ec2.deleteVolume(b -> b.volumeId(v.volumeId()));
      log.info("Deleted recovery volume {} (from snapshot {})", v.volumeId(), v.snapshotId());
      return 0;
    } catch (AwsServiceException e) {
      if (AwsErrors.isNotFound(e)) return 0;
      if (AwsErrors.is(e, "IncorrectState") || AwsErrors.is(e, "VolumeInUse")) return 1;
      throw e;
    }
  }
}
