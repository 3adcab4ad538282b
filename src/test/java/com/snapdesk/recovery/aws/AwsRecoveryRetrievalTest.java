package com.snapdesk.recovery.aws;

import static com.snapdesk.recovery.aws.AwsFixtures.KMS_KEY;
import static com.snapdesk.recovery.aws.AwsFixtures.NODE;
import static com.snapdesk.recovery.aws.AwsFixtures.T0;
import static com.snapdesk.recovery.aws.AwsFixtures.ZONE;
import static com.snapdesk.recovery.aws.AwsFixtures.backupTags;
import static com.snapdesk.recovery.aws.AwsFixtures.point;
import static com.snapdesk.recovery.aws.AwsFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.aws.AwsStandIn;
import com.snapdesk.support.aws.FakeEc2;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retrieval by recovery volumes and their cleanup, with the SDK talking EC2's Query protocol and SSM's JSON protocol
 * over HTTP to a local stand-in. Each {@code retrieve} is one poll of the process's timer.
 */
class AwsRecoveryRetrievalTest {

  static final AwsStandIn aws = new AwsStandIn();
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final List<AwsClients> opened = new ArrayList<>();

  @BeforeEach
  void world() {
    aws.reset();
    aws.ec2.instance(NODE, ZONE, "/dev/sdf")
        .snapshot("snap-0a", T0, backupTags("rp-1", "production", "automatic"))
        .snapshot("snap-0b", T0.plusSeconds(20), backupTags("rp-1", "production", "automatic"));
  }

  @AfterEach
  void neverTouchesABackupSnapshot() {
    opened.forEach(AwsClients::close);
    // DeleteSnapshot, ModifySnapshotAttribute, ModifySnapshotTier... are answered with an error and recorded
    assertThat(aws.ec2.forbiddenCalls()).as("requests that would delete or change a backup snapshot").isEmpty();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  private AwsRecoveryRetrieval retrieval(boolean mountWithSsm) {
    AwsClients clients = new AwsClients(AwsFixtures.properties(aws.endpoint(), mountWithSsm, null));
    opened.add(clients);
    return AwsRecoveryRetrieval.create(AwsFixtures.properties(aws.endpoint(), mountWithSsm, null), clients,
        () -> Set.of("us-east-1"), clock, Duration.ofDays(7), d -> { });
  }

  /** Calls retrieve as the process's timer would until the data is ready; the waiting reasons in order. */
  private static List<RetrievalProgress> pollUntilReady(AwsRecoveryRetrieval retrieval, RetrievalRequest request) {
    List<RetrievalProgress> polls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      RetrievalProgress p = retrieval.retrieve(request);
      polls.add(p);
      if (p.ready()) return polls;
    }
    throw new AssertionError("not ready after 12 polls: " + polls);
  }

  private static RecoveryPoint rp1() {
    return point("rp-1", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0a", "snap-0b");
  }

  @Test
  void createsEncryptedTaggedVolumesInTheNodesZoneAndAttachesThemAcrossPolls() {
    // given a recovery point of two snapshots and a first node that already uses /dev/sdf
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when the process polls until the data is ready
    List<RetrievalProgress> polls = pollUntilReady(retrieval, request("SD-1001", rp1(), Scope.FULL, AwsFixtures.CONTACT));

    // then the customer first read that volumes are created, then attached, and nothing was restored
    assertThat(polls.stream().filter(p -> !p.ready()).map(RetrievalProgress::waitingReason).distinct()).containsExactly(
        "Creating the 2 recovery volumes from recovery point rp-1.",
        "Attaching the 2 recovery volumes to the first node " + NODE + ".");
    assertThat(polls).noneMatch(RetrievalProgress::archiveRestore);

    // and each snapshot became one encrypted volume with the configured key, tagged and idempotent
    List<Map<String, String>> creates = aws.ec2.calls("CreateVolume");
    assertThat(creates).hasSize(2);
    assertThat(creates).extracting(c -> c.get("SnapshotId")).containsExactly("snap-0a", "snap-0b");
    for (Map<String, String> c : creates) {
      assertThat(c).containsEntry("Encrypted", "true").containsEntry("KmsKeyId", KMS_KEY)
          .containsEntry("AvailabilityZone", ZONE).containsEntry("VolumeType", "gp3")
          .containsEntry("ClientToken", "snapdesk-sd-1001-" + c.get("SnapshotId"))
          .containsEntry("TagSpecification.1.ResourceType", "volume")
          .containsEntry("TagSpecification.1.Tag.1.Key", "Name").containsEntry("TagSpecification.1.Tag.1.Value", "snapdesk sd-1001")
          .containsEntry("TagSpecification.1.Tag.2.Key", "snapdesk:ticket").containsEntry("TagSpecification.1.Tag.2.Value", "SD-1001")
          .containsEntry("TagSpecification.1.Tag.3.Key", "snapdesk:recovery").containsEntry("TagSpecification.1.Tag.3.Value", "sd-1001");
    }
    // and they are attached to the first node on free device names
    assertThat(aws.ec2.calls("AttachVolume")).extracting(c -> c.get("InstanceId") + " " + c.get("Device"))
        .containsExactly(NODE + " /dev/sdg", NODE + " /dev/sdh");

    // and the customer is told where, on which node, and which devices to find the data on
    RetrievalProgress ready = polls.get(polls.size() - 1);
    assertThat(ready.location()).isEqualTo("/mnt/recovery-sd-1001");
    assertThat(ready.node()).isEqualTo(NODE);
    assertThat(ready.device()).isEqualTo("/dev/sdg (/mnt/recovery-sd-1001/snap-0a), /dev/sdh (/mnt/recovery-sd-1001/snap-0b)");
    assertThat(ready.retrievedAt()).isEqualTo(NOW);
  }

  @Test
  void aRetriedCallGetsTheVolumeOfTheFirstAttemptInsteadOfASecondOne() {
    // given EC2 does not list a new volume in the first DescribeVolumes after its creation
    aws.ec2.snapshot("snap-0c", T0, backupTags("rp-2", "production", "automatic")).hideNewVolumesFor(1);
    AwsRecoveryRetrieval retrieval = retrieval(false);
    RetrievalRequest request = request("SD-1002", point("rp-2", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0c"),
        Scope.FULL, AwsFixtures.CONTACT);

    // when the retrieval is polled (as a retried job would call it again)
    pollUntilReady(retrieval, request);

    // then CreateVolume was sent twice with the same client token and EC2 kept one volume
    assertThat(aws.ec2.calls("CreateVolume")).hasSize(2).extracting(c -> c.get("ClientToken"))
        .containsOnly("snapdesk-sd-1002-snap-0c");
    assertThat(aws.ec2.volumes()).hasSize(1);
  }

  @Test
  void aVolumeEc2DoesNotKnowYetRightAfterItsCreationIsNotReadyYet() {
    // given EC2 answers InvalidVolume.NotFound to the first attach, as it can right after a create
    aws.ec2.failNext("AttachVolume", 400, "InvalidVolume.NotFound");
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when the process polls
    List<RetrievalProgress> polls = pollUntilReady(retrieval, request("SD-1003", rp1(), Scope.FULL, null));

    // then that poll was "not ready yet", not a failure, and a later poll attached the volume
    assertThat(polls.get(polls.size() - 1).ready()).isTrue();
    assertThat(aws.ec2.calls("AttachVolume")).hasSize(3);
    assertThat(aws.ec2.volumes()).allSatisfy(v -> assertThat(v.attachment).isEqualTo("attached"));
  }

  @Test
  void throttlingAndServerErrorsAreRetriedByTheSdkWithTheSameClientToken() {
    // given EC2 throttles the first DescribeSnapshots and fails the first CreateVolume with a 500
    aws.ec2.failNext("DescribeSnapshots", 503, "RequestLimitExceeded").failNext("CreateVolume", 500, "InternalError");
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when the process polls once
    RetrievalProgress first = retrieval.retrieve(request("SD-1004", rp1(), Scope.FULL, null));

    // then the SDK retried both within that poll, and the retried create could not make a second volume
    assertThat(first.waitingReason()).startsWith("Creating");
    assertThat(aws.ec2.calls("DescribeSnapshots")).hasSize(2);
    assertThat(aws.ec2.calls("CreateVolume")).hasSize(3).extracting(c -> c.get("ClientToken"))
        .containsExactly("snapdesk-sd-1004-snap-0a", "snapdesk-sd-1004-snap-0a", "snapdesk-sd-1004-snap-0b");
    assertThat(aws.ec2.volumes()).hasSize(2);
  }

  @Test
  void aPointWhoseSnapshotWasDeletedIsUnavailable() {
    // given the catalog still lists a point whose snapshot has since been deleted
    aws.ec2.removeSnapshot("snap-0b");
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when retrieval starts, then the agent is told the point no longer exists and nothing was created
    assertThatThrownBy(() -> retrieval.retrieve(request("SD-1005", rp1(), Scope.FULL, null)))
        .isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessageContaining("Recovery point rp-1 no longer exists");
    assertThat(aws.ec2.calls("CreateVolume")).isEmpty();
  }

  @Test
  void aPointWithASnapshotInErrorIsUnavailable() {
    // given one snapshot of the point went into error
    aws.ec2.snapshot("snap-0b", T0, backupTags("rp-1", "production", "automatic"), "error", "standard");
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when retrieval starts, then it is a business failure naming the snapshot
    assertThatThrownBy(() -> retrieval.retrieve(request("SD-1006", rp1(), Scope.FULL, null)))
        .isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessage("Recovery point rp-1 cannot be retrieved: snapshot snap-0b is error.");
  }

  @Test
  void anArchivedPointIsRestoredTemporarilyOnceThenRetrieved() {
    // given an archived point that EC2 brings back two looks after the restore request
    aws.ec2.snapshot("snap-0z", T0, backupTags("rp-9", "production", "automatic"), "completed", "archive")
        .restorePolls(2);
    AwsRecoveryRetrieval retrieval = retrieval(false);
    RetrievalRequest request = request("SD-1007", point("rp-9", T0, RecoveryPoint.StorageTier.ARCHIVE, "snap-0z"),
        Scope.FULL, null);

    // when the process polls
    List<RetrievalProgress> polls = pollUntilReady(retrieval, request);

    // then the first polls wait on the archive (the SLA pauses) with a reason the customer can read
    assertThat(polls.get(0).archiveRestore()).isTrue();
    assertThat(polls.get(1).archiveRestore()).isTrue();
    assertThat(polls.get(0).waitingReason()).contains("rp-9", "archive", "up to 72 hours");
    assertThat(polls.get(2).archiveRestore()).isFalse();
    // and the restore was asked for once, temporarily, for the configured days
    assertThat(aws.ec2.calls("RestoreSnapshotTier")).singleElement().satisfies(c -> assertThat(c)
        .containsEntry("SnapshotId", "snap-0z").containsEntry("TemporaryRestoreDays", "7")
        .doesNotContainKey("PermanentRestore"));
    assertThat(aws.ec2.calls("CreateVolume")).hasSize(1);
  }

  @Test
  void mountsThroughSsmRunCommandAndUnmountsBeforeCleanup() {
    // given SSM mounting is on and the point has one snapshot
    aws.ec2.snapshot("snap-0m", T0, backupTags("rp-m", "production", "automatic"));
    AwsRecoveryRetrieval retrieval = retrieval(true);
    RetrievalRequest request = request("SD-1008", point("rp-m", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0m"),
        Scope.FULL, null);

    // when the process polls until ready
    List<RetrievalProgress> polls = pollUntilReady(retrieval, request);

    // then one AWS-RunShellScript command mounted the volume read-only at the recovery's mount point
    assertThat(polls).anySatisfy(p -> assertThat(p.waitingReason()).isEqualTo("Mounting the recovery volumes on the first node " + NODE + "."));
    JsonNode mount = aws.ssm.sentCommands().get(0);
    assertThat(mount.path("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
    assertThat(mount.path("InstanceIds").get(0).asText()).isEqualTo(NODE);
    String volumeId = aws.ec2.volumes().get(0).id;
    List<String> script = StreamSupport.stream(mount.path("Parameters").path("commands").spliterator(), false)
        .map(JsonNode::asText).toList();
    assertThat(script).contains("mount_one " + volumeId + " /dev/sdg /mnt/recovery-sd-1008");
    assertThat(String.join("\n", script)).contains("mount -o ro");
    RetrievalProgress ready = polls.get(polls.size() - 1);
    assertThat(ready.location()).isEqualTo("/mnt/recovery-sd-1008");
    assertThat(ready.device()).as("mounted: no device for the customer to mount").isNull();
    assertThat(aws.ssm.sentCommands()).hasSize(1);

    // when the data expires
    retrieval.cleanup("sd-1008");

    // then it was unmounted before the volume was detached and deleted
    assertThat(aws.ssm.sentCommands()).hasSize(2);
    assertThat(aws.ssm.sentCommands().get(1).path("Parameters").path("commands").toString())
        .contains("umount /mnt/recovery-sd-1008");
    assertThat(aws.ec2.calls("DetachVolume")).hasSize(1);
    assertThat(aws.ec2.volumes()).isEmpty();
  }

  @Test
  void cleanupDetachesAndDeletesOnlyTheRecoverysVolumesAndCanRunAgain() {
    // given two tickets' volumes attached to the node
    AwsRecoveryRetrieval retrieval = retrieval(false);
    pollUntilReady(retrieval, request("SD-1009", rp1(), Scope.FULL, null));
    pollUntilReady(retrieval, request("SD-1010", point("rp-1", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0a"),
        Scope.FULL, null));
    assertThat(aws.ec2.volumes()).hasSize(3);

    // when the first ticket's data expires
    retrieval.cleanup("sd-1009");

    // then its two volumes were detached, waited for and deleted; the other ticket's stays attached
    assertThat(aws.ec2.calls("DetachVolume")).hasSize(2);
    assertThat(aws.ec2.calls("DeleteVolume")).hasSize(2);
    assertThat(aws.ec2.volumes()).singleElement().satisfies(v -> {
      assertThat(v.tags).containsEntry("snapdesk:recovery", "sd-1010");
      assertThat(v.attachment).isEqualTo("attached");
    });

    // when cleanup runs again (a retried job), then it finds nothing to do and does not fail
    retrieval.cleanup("sd-1009");
    assertThat(aws.ec2.calls("DetachVolume")).hasSize(2);
    assertThat(aws.ec2.calls("DeleteVolume")).hasSize(2);
  }

  @Test
  void cleanupAfterACrashHalfWayFinishesTheJob() {
    // given a ready retrieval whose cleanup dies after detaching (the delete is refused once)
    AwsRecoveryRetrieval retrieval = retrieval(false);
    pollUntilReady(retrieval, request("SD-1011", rp1(), Scope.FULL, null));
    aws.ec2.failNext("DeleteVolume", 403, "UnauthorizedOperation");
    assertThatThrownBy(() -> retrieval.cleanup("sd-1011")).hasMessageContaining("UnauthorizedOperation");
    assertThat(aws.ec2.volumes()).isNotEmpty();

    // when the job runs again
    retrieval.cleanup("sd-1011");

    // then every volume of the recovery is gone
    assertThat(aws.ec2.volumes()).isEmpty();
  }

  @Test
  void cleanupWithNothingRetrievedDoesNothing() {
    // given a ticket cancelled before anything was retrieved
    AwsRecoveryRetrieval retrieval = retrieval(false);

    // when it is cleaned up, then only a lookup happened
    retrieval.cleanup("sd-1012");
    assertThat(aws.ec2.actions()).containsOnly("DescribeVolumes");
  }

  @Test
  void theSnapshotRequestsThatAreNeverSentAreAnsweredAsFailures() {
    // given the stand-in's guard (every test above ends by asserting it saw none of these)
    // then it knows the calls that would delete or change a backup snapshot
    assertThat(FakeEc2.FORBIDDEN).contains("DeleteSnapshot", "ModifySnapshotAttribute");
  }
}
