package com.snapdesk.recovery.aws;

import static com.snapdesk.recovery.aws.AwsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.RetrievalValidation.Validation;
import com.snapdesk.support.aws.AwsStandIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Restore drills on the AWS backend against the local EC2/SSM stand-in: volumes go to the drill instance, tagged as a
 * drill, never to a customer's node; validation only reads; no call touches a backup snapshot.
 */
class AwsDrillRetrievalTest {

  static final AwsStandIn aws = new AwsStandIn();
  static final String DRILL_NODE = "i-0d5111000000000aa";
  final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  final List<AwsClients> opened = new ArrayList<>();

  @BeforeEach
  void world() {
    aws.reset();
    aws.ec2.instance(NODE, ZONE, "/dev/sdf").instance(DRILL_NODE, ZONE)
        .snapshot("snap-0a", T0, backupTags("rp-1", "production", "automatic"))
        .snapshot("snap-0b", T0.plusSeconds(20), backupTags("rp-1", "production", "automatic"));
  }

  @AfterEach
  void neverTouchesABackupSnapshotNorACustomersNode() {
    opened.forEach(AwsClients::close);
    assertThat(aws.ec2.forbiddenCalls()).as("requests that would delete or change a backup snapshot").isEmpty();
    assertThat(aws.ec2.calls("AttachVolume")).as("volumes attached to the customer's first node")
        .noneMatch(c -> NODE.equals(c.get("InstanceId")));
    assertThat(aws.ssm.sentCommands()).as("SSM commands sent to the customer's first node")
        .noneMatch(c -> c.path("InstanceIds").toString().contains(NODE));
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  private AwsRecoveryRetrieval retrieval(boolean mountWithSsm, AwsDrillProperties drill) {
    AwsClients clients = new AwsClients(AwsFixtures.properties(aws.endpoint(), mountWithSsm, null));
    opened.add(clients);
    return AwsRecoveryRetrieval.create(AwsFixtures.properties(aws.endpoint(), mountWithSsm, null), drill, clients,
        () -> Set.of("us-east-1"), clock, Duration.ofDays(7), d -> { });
  }

  private static RetrievalRequest drill() {
    RecoveryPoint point = point("rp-1", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0a", "snap-0b");
    return RetrievalRequest.drill("DRILL-1", "drill-1", ACME_PROJECT, Environment.PRODUCTION, point);
  }

  private static RetrievalProgress pollUntilReady(AwsRecoveryRetrieval retrieval) {
    for (int i = 0; i < 12; i++) {
      RetrievalProgress p = retrieval.retrieve(drill());
      if (p.ready()) return p;
    }
    throw new AssertionError("not ready after 12 polls");
  }

  @Test
  void aDrillAttachesVolumesTaggedAsADrillToTheDrillInstanceAndValidatesThem() {
    // given a drill instance in the environment's zone
    AwsRecoveryRetrieval retrieval = retrieval(false, new AwsDrillProperties(DRILL_NODE, ZONE));

    // when the drill polls until the data is ready and validates it
    RetrievalProgress ready = pollUntilReady(retrieval);
    Validation validation = retrieval.validate(drill());

    // then the volumes were created as a drill's and attached to the drill instance only
    assertThat(ready.node()).isEqualTo(DRILL_NODE);
    assertThat(aws.ec2.calls("CreateVolume")).hasSize(2).allSatisfy(c -> assertThat(c)
        .containsEntry("TagSpecification.1.Tag.4.Key", "snapdesk:drill")
        .containsEntry("TagSpecification.1.Tag.4.Value", "true")
        .containsEntry("TagSpecification.1.Tag.2.Value", "DRILL-1"));
    assertThat(aws.ec2.calls("AttachVolume")).extracting(c -> c.get("InstanceId")).containsOnly(DRILL_NODE);
    // and validation saw both volumes in use with their snapshot's size
    assertThat(validation.passed()).as(validation.failure()).isTrue();
    assertThat(validation.checks()).hasSize(3).first().asString().contains("in-use", "50 GiB as snapshot snap-0a");

    // when cleaning up, the drill's volumes go
    retrieval.cleanup("drill-1");
    assertThat(aws.ec2.volumes()).allMatch(v -> "deleted".equals(v.state) || "deleting".equals(v.state));
  }

  @Test
  void withSsmTheDrillChecksReadOnlyMountsAndTheNewestDumpOnTheDrillInstance() {
    // given volumes mounted through SSM on the drill instance
    AwsRecoveryRetrieval retrieval = retrieval(true, new AwsDrillProperties(DRILL_NODE, ZONE));
    pollUntilReady(retrieval);

    // when validating: the check is sent, then followed on each retry until it succeeds
    List<String> retries = new ArrayList<>();
    Validation validation = null;
    for (int i = 0; i < 6 && validation == null; i++) {
      try {
        validation = retrieval.validate(drill());
      } catch (IllegalStateException e) {
        retries.add(e.getMessage());
      }
    }

    // then it passed, and the script only reads: mounts must be ro and the newest dump passes gzip -t
    assertThat(validation).isNotNull();
    assertThat(validation.passed()).as(validation.failure()).isTrue();
    assertThat(retries.get(0)).startsWith("Sent the read-only check");
    var check = aws.ssm.sentCommands().get(aws.ssm.sentCommands().size() - 1);
    String script = check.path("Parameters").path("commands").toString();
    assertThat(check.path("InstanceIds").toString()).contains(DRILL_NODE);
    assertThat(script).contains("findmnt", "gzip -t", "/mnt/recovery-drill-1").doesNotContain("rm -r", "mount -o rw",
        "umount", "> $base", "dd ");
  }

  @Test
  void withoutADrillInstanceADrillFailsAndCreatesNothing() {
    // given no drill instance is configured
    AwsRecoveryRetrieval retrieval = retrieval(false, AwsDrillProperties.none());

    // when a drill retrieves, then it is refused and no volume is created
    assertThatThrownBy(() -> retrieval.retrieve(drill())).isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessageContaining("snapdesk.aws.drill.instance-id");
    assertThat(aws.ec2.calls("CreateVolume")).isEmpty();
  }

  @Test
  void aDrillInstanceThatIsACustomersNodeIsRefused() {
    // given the drill instance is misconfigured as the customer's first node
    AwsRecoveryRetrieval retrieval = retrieval(false, new AwsDrillProperties(NODE, ZONE));

    // when a drill retrieves, then it is refused before anything is created
    assertThatThrownBy(() -> retrieval.retrieve(drill())).isInstanceOf(RecoveryPointUnavailableException.class)
        .hasMessageContaining("never attaches volumes to a customer's node");
    assertThat(aws.ec2.calls("CreateVolume")).isEmpty();
  }
}
