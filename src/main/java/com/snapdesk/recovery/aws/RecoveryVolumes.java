package com.snapdesk.recovery.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The volumes Snapdesk creates for one recovery, found by their recovery tag: retrieval and cleanup read the
 * state from EC2 on every call, so a crash between two calls loses nothing.
 */
final class RecoveryVolumes {

  /** Set on the volumes once SSM was asked to mount them: the command to follow. */
  static final String MOUNT_COMMAND_TAG = "snapdesk:mount-command";
  /** Set on the volumes once SSM was asked to unmount them before detaching. */
  static final String UNMOUNT_COMMAND_TAG = "snapdesk:unmount-command";

  private final AwsBackendProperties.Tags tags;

  RecoveryVolumes(AwsBackendProperties.Tags tags) {
    this.tags = tags;
  }

  List<Volume> of(Ec2Client ec2, String recoveryId) {
    return ec2.describeVolumesPaginator(DescribeVolumesRequest.builder()
        .filters(Filter.builder().name("tag:" + tags.recovery()).values(recoveryId).build())
        .build()).volumes().stream().toList();
  }

  /** Set on a restore drill's volumes: they belong to a drill, never to a customer's node. */
  static final String DRILL_TAG = "snapdesk:drill";

  List<Tag> tagsFor(String ticketId, String recoveryId) {
    return tagsFor(ticketId, recoveryId, false);
  }

  List<Tag> tagsFor(String ticketId, String recoveryId, boolean drill) {
    List<Tag> tagList = new java.util.ArrayList<>(List.of(
        Tag.builder().key("Name").value("snapdesk " + recoveryId).build(),
        Tag.builder().key(tags.ticket()).value(ticketId).build(),
        Tag.builder().key(tags.recovery()).value(recoveryId).build()));
    if (drill) tagList.add(Tag.builder().key(DRILL_TAG).value("true").build());
    return List.copyOf(tagList);
  }

  static Optional<String> tag(Volume v, String key) {
    return v.tags().stream().filter(t -> key.equals(t.key())).map(Tag::value).filter(s -> s != null && !s.isBlank())
        .findFirst();
  }

  /** The tag's value when every volume carries the same one; otherwise null (some volume was not part of it). */
  static String commonTag(List<Volume> volumes, String key) {
    String common = null;
    for (Volume v : volumes) {
      String value = tag(v, key).orElse(null);
      if (value == null || (common != null && !common.equals(value))) return null;
      common = value;
    }
    return common;
  }

  /**
   * The idempotency token of one volume: the same recovery and snapshot always send the same token, so a retried
   * job gets the volume the first attempt created instead of a second one. EC2 allows 64 ASCII characters.
   */
  static String clientToken(String recoveryId, String snapshotId) {
    String readable = "snapdesk-" + recoveryId + "-" + snapshotId;
    if (readable.length() <= 64) return readable;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((recoveryId + "/" + snapshotId).getBytes(StandardCharsets.UTF_8));
      return "snapdesk-" + HexFormat.of().formatHex(hash).substring(0, 48);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
