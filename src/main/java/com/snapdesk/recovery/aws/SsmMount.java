package com.snapdesk.recovery.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * Mounts (and before cleanup unmounts) a recovery's volumes on the first node with SSM Run Command
 * ({@code AWS-RunShellScript}). The command id is kept as a tag on the volumes, so each poll follows the command
 * sent earlier instead of sending another. The scripts are idempotent: sending one twice does no harm.
 */
final class SsmMount {

  static final String DOCUMENT = "AWS-RunShellScript";
  private static final Logger log = LoggerFactory.getLogger(SsmMount.class);
  /** Everything that goes into a script comes from EC2 or is a checked recovery id: no shell metacharacters. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9/_.-]+");

  /** A volume as the scripts need it. */
  record Mount(String volumeId, String device, String directory) {}

  /** Empty when the volumes are mounted; otherwise why the customer still waits. */
  Optional<String> mount(SsmClient ssm, Ec2Client ec2, String instanceId, String recoveryId, List<Mount> mounts,
                         String sentCommandId) {
    if (sentCommandId == null) {
      send(ssm, ec2, instanceId, recoveryId, mounts, mountScript(mounts), RecoveryVolumes.MOUNT_COMMAND_TAG, "mount");
      return Optional.of(mountingReason(instanceId));
    }
    GetCommandInvocationResponse invocation = invocation(ssm, sentCommandId, instanceId);
    if (invocation == null) return Optional.of(mountingReason(instanceId));
    CommandInvocationStatus status = invocation.status();
    if (status == CommandInvocationStatus.SUCCESS) return Optional.empty();
    if (status == CommandInvocationStatus.PENDING || status == CommandInvocationStatus.IN_PROGRESS
        || status == CommandInvocationStatus.DELAYED) {
      return Optional.of(mountingReason(instanceId));
    }
    // Failed, timed out or cancelled: send again for the next attempt and let the job's retries count attempts.
    String again = send(ssm, ec2, instanceId, recoveryId, mounts, mountScript(mounts),
        RecoveryVolumes.MOUNT_COMMAND_TAG, "mount");
    throw new IllegalStateException("Mounting the recovery volumes on " + instanceId + " failed (" + status + "): "
        + trim(invocation.standardErrorContent()) + "; sent again as command " + again);
  }

  /** True when nothing is (or can be) mounted any more, so detaching is safe. */
  boolean unmounted(SsmClient ssm, Ec2Client ec2, String instanceId, String recoveryId, List<Mount> mounts,
                    String sentCommandId) {
    if (sentCommandId == null) {
      try {
        send(ssm, ec2, instanceId, recoveryId, mounts, unmountScript(recoveryId, mounts),
            RecoveryVolumes.UNMOUNT_COMMAND_TAG, "unmount");
      } catch (AwsServiceException e) {
        // The node is gone or no longer managed by SSM: there is nothing left to unmount.
        log.warn("Cannot unmount recovery {} on {} ({}); detaching anyway", recoveryId, instanceId, AwsErrors.code(e));
        return true;
      }
      return false;
    }
    GetCommandInvocationResponse invocation = invocation(ssm, sentCommandId, instanceId);
    if (invocation == null) return false;
    return switch (invocation.status()) {
      case PENDING, IN_PROGRESS, DELAYED, CANCELLING -> false;
      case SUCCESS -> true;
      default -> {
        // A volume still mounted stays "busy" when detached; the cleanup's wait and the job's retries show it.
        log.warn("Unmounting recovery {} on {} ended {}: {}", recoveryId, instanceId, invocation.status(),
            trim(invocation.standardErrorContent()));
        yield true;
      }
    };
  }

  private String send(SsmClient ssm, Ec2Client ec2, String instanceId, String recoveryId, List<Mount> mounts,
                      List<String> script, String tagKey, String what) {
    String commandId = ssm.sendCommand(b -> b.documentName(DOCUMENT).instanceIds(instanceId)
        .comment("snapdesk " + what + " " + recoveryId)
        .timeoutSeconds(600)
        .parameters(Map.of("commands", script, "executionTimeout", List.of("300"))))
        .command().commandId();
    ec2.createTags(b -> b.resources(mounts.stream().map(Mount::volumeId).toList())
        .tags(Tag.builder().key(tagKey).value(commandId).build()));
    log.info("Sent SSM command {} to {} the volumes of recovery {} on {}", commandId, what, recoveryId, instanceId);
    return commandId;
  }

  private static GetCommandInvocationResponse invocation(SsmClient ssm, String commandId, String instanceId) {
    try {
      return ssm.getCommandInvocation(b -> b.commandId(commandId).instanceId(instanceId));
    } catch (InvocationDoesNotExistException e) {
      return null; // just sent: SSM does not know the invocation yet
    }
  }

  /**
   * Finds each volume's block device (NVMe instances name it by volume id, older ones by the attachment's device,
   * sd or xvd), uses its first partition when it has one, and mounts it read-only: retrieved data is for copying.
   */
  static List<String> mountScript(List<Mount> mounts) {
    List<String> lines = new ArrayList<>(List.of(
        "set -eu",
        "mount_one() {",
        "  vol=$1; dev=$2; dir=$3; src=''",
        "  mkdir -p \"$dir\"",
        "  if mountpoint -q \"$dir\"; then return 0; fi",
        "  for d in \"/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_$(echo \"$vol\" | tr -d -)\" \"$dev\" "
            + "\"$(echo \"$dev\" | sed 's#^/dev/sd#/dev/xvd#')\"; do",
        "    if [ -b \"$d\" ]; then src=$(readlink -f \"$d\"); break; fi",
        "  done",
        "  if [ -z \"$src\" ]; then echo \"no block device for $vol ($dev)\" >&2; return 1; fi",
        "  for p in \"${src}p1\" \"${src}1\"; do if [ -b \"$p\" ]; then src=$p; break; fi; done",
        "  mount -o ro \"$src\" \"$dir\" || mount -o ro,noload \"$src\" \"$dir\" || mount -o ro,nouuid,norecovery \"$src\" \"$dir\"",
        "}"));
    for (Mount m : mounts) lines.add("mount_one " + safe(m.volumeId()) + " " + safe(m.device()) + " " + safe(m.directory()));
    return lines;
  }

  static List<String> unmountScript(String recoveryId, List<Mount> mounts) {
    List<String> lines = new ArrayList<>(List.of("set -eu"));
    for (Mount m : mounts) lines.add("if mountpoint -q " + safe(m.directory()) + "; then umount " + safe(m.directory()) + "; fi");
    String base = safe(VolumeRetrieval.mountPath(recoveryId));
    // rmdir, never rm -r: only empty mount points go
    lines.add("rmdir " + base + "/* 2>/dev/null || true");
    lines.add("rmdir " + base + " 2>/dev/null || true");
    return lines;
  }

  private static String safe(String value) {
    if (value == null || !SAFE.matcher(value).matches())
      throw new IllegalArgumentException("Refusing to put '" + value + "' into a shell script");
    return value;
  }

  private static String mountingReason(String instanceId) {
    return "Mounting the recovery volumes on the first node " + instanceId + ".";
  }

  private static String trim(String output) {
    if (output == null || output.isBlank()) return "no output";
    String t = output.strip();
    return t.length() > 500 ? t.substring(t.length() - 500) : t;
  }
}
