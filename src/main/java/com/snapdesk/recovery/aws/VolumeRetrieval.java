package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.StorageTier;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;
import software.amazon.awssdk.services.ec2.model.VolumeAttachmentState;
import software.amazon.awssdk.services.ec2.model.VolumeState;

/**
 * Retrieval by recovery volumes, as support does it by hand: one encrypted volume per snapshot in the first node's
 * availability zone, attached to that node and, when configured, mounted at {@code /mnt/recovery-<recoveryId>}.
 * Each call reads where things stand from EC2, does the next step and answers; the process's timer calls again.
 * Nothing here sleeps.
 */
final class VolumeRetrieval {

  private static final Logger log = LoggerFactory.getLogger(VolumeRetrieval.class);
  /** Device names EC2 recommends for data volumes on Linux. */
  private static final List<String> DEVICE_LETTERS = "fghijklmnop".chars().mapToObj(c -> String.valueOf((char) c)).toList();
  private static final Pattern DEVICE_PREFIX = Pattern.compile("^/dev/(sd|xvd)");

  private final AwsClients clients;
  private final AwsBackendProperties properties;
  private final RecoveryVolumes volumes;
  private final ArchiveRestore archive;
  private final SsmMount ssm;
  private final Clock clock;
  private final AwsDrillProperties drill;

  VolumeRetrieval(AwsClients clients, AwsBackendProperties properties, RecoveryVolumes volumes, ArchiveRestore archive,
                  SsmMount ssm, Clock clock) {
    this(clients, properties, volumes, archive, ssm, clock, AwsDrillProperties.none());
  }

  VolumeRetrieval(AwsClients clients, AwsBackendProperties properties, RecoveryVolumes volumes, ArchiveRestore archive,
                  SsmMount ssm, Clock clock, AwsDrillProperties drill) {
    this.drill = drill;
    this.clients = clients;
    this.properties = properties;
    this.volumes = volumes;
    this.archive = archive;
    this.ssm = ssm;
    this.clock = clock;
  }

  static String mountPath(String recoveryId) {
    return "/mnt/recovery-" + recoveryId;
  }

  RetrievalProgress retrieve(RetrievalRequest request) {
    RecoveryPoint point = request.point();
    FirstNode node = target(request);
    Ec2Client ec2 = clients.ec2(node.region());

    List<Snapshot> snapshots = currentSnapshots(ec2, point);
    List<Snapshot> archived = snapshots.stream().filter(s -> s.storageTier() == StorageTier.ARCHIVE).toList();
    if (!archived.isEmpty()) return archive.restore(ec2, point, archived);

    Map<String, Volume> bySnapshot = new LinkedHashMap<>();
    for (Volume v : volumes.of(ec2, request.recoveryId())) {
      if (v.state() == VolumeState.DELETING || v.state() == VolumeState.DELETED) continue;
      if (point.snapshotIds().contains(v.snapshotId())) bySnapshot.putIfAbsent(v.snapshotId(), v);
      else release(ec2, v); // left from a point the agent replaced
    }

    String zone = node.availabilityZone() != null ? node.availabilityZone() : instance(ec2, node).placement().availabilityZone();
    List<Volume> ours = new ArrayList<>();
    for (String snapshotId : point.snapshotIds()) {
      Volume v = bySnapshot.get(snapshotId);
      ours.add(v != null ? v : create(ec2, request, zone, snapshotId));
    }

    for (Volume v : ours) {
      if (v.state() == VolumeState.ERROR)
        throw new IllegalStateException("Recovery volume " + v.volumeId() + " from snapshot " + v.snapshotId()
            + " failed in EC2 (state error); check the KMS key " + properties.kmsKeyId() + " and the volume limits");
    }
    if (ours.stream().anyMatch(v -> v.state() == VolumeState.CREATING)) {
      return RetrievalProgress.inProgress("Creating " + count(ours.size()) + " from recovery point " + point.id() + ".");
    }

    List<Volume> detached = ours.stream().filter(v -> v.state() == VolumeState.AVAILABLE).toList();
    if (!detached.isEmpty()) {
      attach(ec2, node, ours, detached);
      return RetrievalProgress.inProgress("Attaching " + count(ours.size()) + " to the first node " + node.instanceId() + ".");
    }
    for (Volume v : ours) {
      VolumeAttachment a = attachment(v).orElse(null);
      if (a != null && !node.instanceId().equals(a.instanceId()))
        throw new IllegalStateException("Recovery volume " + v.volumeId() + " is attached to " + a.instanceId()
            + ", not to the first node " + node.instanceId());
      if (a == null || a.state() != VolumeAttachmentState.ATTACHED)
        return RetrievalProgress.inProgress("Attaching " + count(ours.size()) + " to the first node " + node.instanceId() + ".");
    }

    String location = mountPath(request.recoveryId());
    List<SsmMount.Mount> mounts = mounts(request.recoveryId(), ours);
    if (properties.mountWithSsm()) {
      String sent = RecoveryVolumes.commonTag(ours, RecoveryVolumes.MOUNT_COMMAND_TAG);
      Optional<String> waiting = ssm.mount(clients.ssm(node.region()), ec2, node.instanceId(), request.recoveryId(),
          mounts, sent);
      if (waiting.isPresent()) return RetrievalProgress.inProgress(waiting.get());
      return RetrievalProgress.ready(location, node.instanceId(), null, clock.instant());
    }
    // Not mounted by Snapdesk: the instructions name the devices to mount at the location.
    String devices = mounts.size() == 1 ? mounts.get(0).device()
        : mounts.stream().map(m -> m.device() + " (" + m.directory() + ")").collect(Collectors.joining(", "));
    return RetrievalProgress.ready(location, node.instanceId(), devices, clock.instant());
  }

  /**
   * The customer's first node, or for a drill the drill instance in the environment's region: never a customer's
   * node, refused when it is one.
   */
  FirstNode target(RetrievalRequest request) {
    if (request.target() != RecoveryRetrieval.Target.DRILL) {
      return FirstNode.of(request.project(), request.environment(), clients);
    }
    if (!drill.configured())
      throw new RecoveryPointUnavailableException("No drill instance is configured (snapdesk.aws.drill.instance-id);"
          + " a restore drill never attaches volumes to a customer's node.");
    boolean customerNode = request.project().environments().values().stream()
        .anyMatch(e -> e.firstNode() != null && drill.instanceId().equals(e.firstNode().instanceId()));
    if (customerNode)
      throw new RecoveryPointUnavailableException("The drill instance " + drill.instanceId() + " is a first node of "
          + "project " + request.project().id() + "; a restore drill never attaches volumes to a customer's node.");
    String region = request.project().environment(request.environment())
        .map(com.snapdesk.project.Project.EnvironmentInfo::region).orElse(null);
    return new FirstNode(drill.instanceId(), drill.availabilityZone(), clients.regionOr(region));
  }

  /** The point's snapshots as EC2 sees them now; gone or broken ones make the point unavailable. */
  private static List<Snapshot> currentSnapshots(Ec2Client ec2, RecoveryPoint point) {
    List<Snapshot> found;
    try {
      found = ec2.describeSnapshots(b -> b.ownerIds("self").snapshotIds(point.snapshotIds())).snapshots();
    } catch (AwsServiceException e) {
      if (AwsErrors.isNotFound(e))
        throw new RecoveryPointUnavailableException("Recovery point " + point.id()
            + " no longer exists: one of its snapshots was deleted (" + e.awsErrorDetails().errorMessage() + ").");
      throw e;
    }
    Set<String> seen = found.stream().map(Snapshot::snapshotId).collect(Collectors.toSet());
    for (String id : point.snapshotIds()) {
      if (!seen.contains(id))
        throw new RecoveryPointUnavailableException("Recovery point " + point.id() + " no longer exists: snapshot "
            + id + " was deleted.");
    }
    for (Snapshot s : found) {
      RecoveryPoint.State state = SnapshotGrouping.state(s);
      if (state != RecoveryPoint.State.COMPLETED)
        throw new RecoveryPointUnavailableException("Recovery point " + point.id() + " cannot be retrieved: snapshot "
            + s.snapshotId() + " is " + s.stateAsString().toLowerCase(Locale.ROOT) + ".");
    }
    return found;
  }

  private Volume create(Ec2Client ec2, RetrievalRequest request, String zone, String snapshotId) {
    CreateVolumeResponse created = ec2.createVolume(b -> b
        .snapshotId(snapshotId)
        .availabilityZone(zone)
        .encrypted(true)
        .kmsKeyId(properties.kmsKeyId())
        .volumeType(properties.volumeType())
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.VOLUME)
            .tags(volumes.tagsFor(request.ticketId(), request.recoveryId(),
                request.target() == RecoveryRetrieval.Target.DRILL)).build())
        .clientToken(RecoveryVolumes.clientToken(request.recoveryId(), snapshotId)));
    log.info("Recovery {}: volume {} from snapshot {} in {} ({})", request.recoveryId(), created.volumeId(), snapshotId,
        zone, created.stateAsString());
    return Volume.builder().volumeId(created.volumeId()).snapshotId(snapshotId).state(created.state())
        .availabilityZone(created.availabilityZone()).tags(created.tags()).build();
  }

  private void attach(Ec2Client ec2, FirstNode node, List<Volume> ours, List<Volume> detached) {
    Set<String> used = new HashSet<>();
    Instance instance = instance(ec2, node);
    instance.blockDeviceMappings().forEach(m -> used.add(letter(m.deviceName())));
    if (instance.rootDeviceName() != null) used.add(letter(instance.rootDeviceName()));
    ours.forEach(v -> attachment(v).ifPresent(a -> used.add(letter(a.device()))));
    for (Volume v : detached) {
      String letter = DEVICE_LETTERS.stream().filter(l -> !used.contains(l)).findFirst().orElseThrow(() ->
          new IllegalStateException("No free device name /dev/sd[f-p] on " + node.instanceId()));
      used.add(letter);
      String device = "/dev/sd" + letter;
      try {
        ec2.attachVolume(b -> b.volumeId(v.volumeId()).instanceId(node.instanceId()).device(device));
        log.info("Attaching volume {} to {} as {}", v.volumeId(), node.instanceId(), device);
      } catch (AwsServiceException e) {
        // Right after a create EC2 may not know the volume yet, or still see it creating: not ready, next poll.
        if (!AwsErrors.isNotFound(e) && !AwsErrors.is(e, "IncorrectState")) throw e;
        log.info("Volume {} not attachable yet ({}); trying again on the next poll", v.volumeId(), AwsErrors.code(e));
      }
    }
  }

  private static Instance instance(Ec2Client ec2, FirstNode node) {
    return ec2.describeInstances(b -> b.instanceIds(node.instanceId())).reservations().stream()
        .flatMap(r -> r.instances().stream()).findFirst()
        .orElseThrow(() -> new IllegalStateException("The first node " + node.instanceId() + " does not exist in "
            + node.region() + ": update the projects file"));
  }

  /** Volumes of a replaced point: detach and delete without waiting; cleanup catches anything left. */
  private static void release(Ec2Client ec2, Volume v) {
    try {
      if (v.state() == VolumeState.IN_USE) ec2.detachVolume(b -> b.volumeId(v.volumeId()));
      else if (v.state() == VolumeState.AVAILABLE || v.state() == VolumeState.ERROR) ec2.deleteVolume(b -> b.volumeId(v.volumeId()));
      log.info("Released volume {} from snapshot {}, no longer part of the recovery", v.volumeId(), v.snapshotId());
    } catch (AwsServiceException e) {
      log.info("Volume {} not released yet ({})", v.volumeId(), AwsErrors.code(e));
    }
  }

  private static List<SsmMount.Mount> mounts(String recoveryId, List<Volume> ours) {
    String base = mountPath(recoveryId);
    List<Volume> sorted = ours.stream().sorted(Comparator.comparing(Volume::snapshotId)).toList();
    return sorted.stream().map(v -> new SsmMount.Mount(v.volumeId(), attachment(v).map(VolumeAttachment::device)
        .orElseThrow(), sorted.size() == 1 ? base : base + "/" + v.snapshotId())).toList();
  }

  static Optional<VolumeAttachment> attachment(Volume v) {
    return v.attachments().stream().filter(a -> a.state() != VolumeAttachmentState.DETACHED).findFirst();
  }

  private static String letter(String device) {
    if (device == null) return "";
    return DEVICE_PREFIX.matcher(device).replaceFirst("").replaceAll("[0-9]+$", "");
  }

  private static String count(int volumes) {
    return volumes == 1 ? "the recovery volume" : "the " + volumes + " recovery volumes";
  }
}
