package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.RetrievalValidation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeState;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * A drill's read-only check on AWS. Every volume is {@code available} or {@code in-use} on the drill instance with
 * its snapshot's size; with SSM, the instance also checks that the file systems are mounted read-only and that the
 * newest database dump passes {@code gzip -t}. Reads only: describe calls and a script that only reads.
 *
 * <p>The SSM check runs asynchronously: the first call sends it and throws (the job's retry looks again), so nothing
 * here sleeps. The command id is kept as a tag on the volumes.
 */
final class AwsDrillValidation {

  static final String CHECK_COMMAND_TAG = "snapdesk:check-command";
  private static final Logger log = LoggerFactory.getLogger(AwsDrillValidation.class);

  private final AwsClients clients;
  private final RecoveryVolumes volumes;
  private final VolumeRetrieval retrieval;
  private final boolean withSsm;

  AwsDrillValidation(AwsClients clients, RecoveryVolumes volumes, VolumeRetrieval retrieval, boolean withSsm) {
    this.clients = clients;
    this.volumes = volumes;
    this.retrieval = retrieval;
    this.withSsm = withSsm;
  }

  Validation validate(RetrievalRequest request) {
    FirstNode node = retrieval.target(request);
    Ec2Client ec2 = clients.ec2(node.region());
    List<String> checks = new ArrayList<>();
    Map<String, Snapshot> snapshots = ec2.describeSnapshots(b -> b.ownerIds("self")
            .snapshotIds(request.point().snapshotIds())).snapshots().stream()
        .collect(Collectors.toMap(Snapshot::snapshotId, Function.identity()));
    List<Volume> ours = volumes.of(ec2, request.recoveryId()).stream()
        .filter(v -> v.state() != VolumeState.DELETING && v.state() != VolumeState.DELETED).toList();
    for (String snapshotId : request.point().snapshotIds()) {
      Volume v = ours.stream().filter(x -> snapshotId.equals(x.snapshotId())).findFirst().orElse(null);
      if (v == null) return Validation.failed(checks, "No drill volume from snapshot " + snapshotId + ".");
      if (v.state() != VolumeState.AVAILABLE && v.state() != VolumeState.IN_USE)
        return Validation.failed(checks, "Volume " + v.volumeId() + " is " + v.stateAsString() + ".");
      Snapshot s = snapshots.get(snapshotId);
      if (s == null) return Validation.failed(checks, "Snapshot " + snapshotId + " is no longer there.");
      if (!s.volumeSize().equals(v.size()))
        return Validation.failed(checks, "Volume " + v.volumeId() + " has " + v.size() + " GiB, snapshot "
            + snapshotId + " " + s.volumeSize() + " GiB.");
      var attached = VolumeRetrieval.attachment(v);
      if (attached.isPresent() && !node.instanceId().equals(attached.get().instanceId()))
        return Validation.failed(checks, "Volume " + v.volumeId() + " is attached to " + attached.get().instanceId()
            + ", not to the drill instance " + node.instanceId() + ".");
      if (RecoveryVolumes.tag(v, RecoveryVolumes.DRILL_TAG).isEmpty())
        return Validation.failed(checks, "Volume " + v.volumeId() + " is not tagged as a drill volume.");
      checks.add("volume " + v.volumeId() + " " + v.stateAsString() + ", " + v.size() + " GiB as snapshot " + snapshotId);
    }
    if (!withSsm) {
      checks.add("file systems not checked: snapdesk.aws.mount-with-ssm is off");
      return Validation.passed(checks);
    }
    return ssmCheck(ec2, node, request.recoveryId(), ours, checks);
  }

  private Validation ssmCheck(Ec2Client ec2, FirstNode node, String recoveryId, List<Volume> ours,
                              List<String> checks) {
    var ssm = clients.ssm(node.region());
    String sent = RecoveryVolumes.commonTag(ours, CHECK_COMMAND_TAG);
    if (sent != null) {
      try {
        var invocation = ssm.getCommandInvocation(b -> b.commandId(sent).instanceId(node.instanceId()));
        CommandInvocationStatus status = invocation.status();
        if (status == CommandInvocationStatus.SUCCESS) {
          checks.add("file systems mounted read-only; newest dump passes gzip -t");
          return Validation.passed(checks);
        }
        if (status != CommandInvocationStatus.PENDING && status != CommandInvocationStatus.IN_PROGRESS
            && status != CommandInvocationStatus.DELAYED) {
          return Validation.failed(checks, "The read-only check on " + node.instanceId() + " ended " + status + ": "
              + Optional.ofNullable(invocation.standardErrorContent()).map(String::strip).orElse("no output"));
        }
      } catch (InvocationDoesNotExistException e) {
        // just sent: SSM does not know it yet
      }
      throw new IllegalStateException("The read-only check " + sent + " on " + node.instanceId()
          + " is still running; looking again on the next attempt");
    }
    String commandId = ssm.sendCommand(b -> b.documentName(SsmMount.DOCUMENT).instanceIds(node.instanceId())
        .comment("snapdesk drill check " + recoveryId).timeoutSeconds(600)
        .parameters(Map.of("commands", checkScript(recoveryId), "executionTimeout", List.of("300"))))
        .command().commandId();
    ec2.createTags(b -> b.resources(ours.stream().map(Volume::volumeId).toList())
        .tags(Tag.builder().key(CHECK_COMMAND_TAG).value(commandId).build()));
    log.info("Sent SSM command {} to check drill {} read-only on {}", commandId, recoveryId, node.instanceId());
    throw new IllegalStateException("Sent the read-only check " + commandId + " to " + node.instanceId()
        + "; looking again on the next attempt");
  }

  /** Reads only: every file system under the mount point is mounted ro, and the newest *.sql.gz decompresses. */
  static List<String> checkScript(String recoveryId) {
    String base = VolumeRetrieval.mountPath(recoveryId);
    return List.of(
        "set -eu",
        "base=" + base,
        "findmnt -rn -o TARGET,OPTIONS | awk -v b=\"$base\" 'index($1, b) == 1' > /tmp/snapdesk-mounts-$$",
        "if [ ! -s /tmp/snapdesk-mounts-$$ ]; then echo \"nothing mounted under $base\" >&2; exit 1; fi",
        "if awk '{ n = split($2, o, \",\"); ro = 0; for (i = 1; i <= n; i++) if (o[i] == \"ro\") ro = 1;"
            + " if (!ro) exit 1 }' /tmp/snapdesk-mounts-$$; then :; else echo \"mounted writable under $base\" >&2;"
            + " exit 1; fi",
        "rm -f /tmp/snapdesk-mounts-$$",
        "dump=$(find \"$base\" -name '*.sql.gz' -type f -printf '%T@ %p\\n' 2>/dev/null | sort -rn | head -1"
            + " | cut -d' ' -f2-)",
        "if [ -z \"$dump\" ]; then echo \"no database dump under $base\" >&2; exit 1; fi",
        "gzip -t \"$dump\"",
        "echo \"checked $dump\"");
  }
}
