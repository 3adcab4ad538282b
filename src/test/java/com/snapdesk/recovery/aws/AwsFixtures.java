package com.snapdesk.recovery.aws;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.SnapdeskTestData;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The world the AWS adapter tests share: Acme's production on us-east-1, credentials for the default chain. */
final class AwsFixtures {

  static final String ACME = SnapdeskTestData.ACME;
  static final String CONTACT = SnapdeskTestData.ACME_CONTACT;
  static final String NODE = "i-0abc1234def567890";
  static final String ZONE = "us-east-1a";
  static final String KMS_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  static final Project ACME_PROJECT = new Project(ACME, "Acme Store", Plan.PRO, List.of(CONTACT), Map.of(
      Environment.PRODUCTION, new Project.EnvironmentInfo(ACME, "us-east-1", new Project.FirstNode(NODE, ZONE)),
      Environment.STAGING, new Project.EnvironmentInfo(ACME + "_stg", "us-east-1", null)));

  static {
    // The SDK's default provider chain reads these; no profile or instance metadata is consulted first.
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    System.setProperty("aws.disableEc2Metadata", "true");
  }

  private AwsFixtures() {}

  static AwsBackendProperties properties(URI endpoint, boolean mountWithSsm, String dumpBucket) {
    return new AwsBackendProperties("us-east-1", endpoint, Path.of("unused.json"), KMS_KEY,
        AwsBackendProperties.Tags.defaults(), Duration.ofMinutes(1), 7, "gp3", mountWithSsm, Duration.ofSeconds(5),
        AwsBackendProperties.RetryPolicy.STANDARD, dumpBucket, "{project}/{environment}/{recoveryPoint}.sql.gz",
        "deliveries/");
  }

  static Map<String, String> backupTags(String pointId, String environment, String type) {
    return Map.of("snapdesk:project", ACME, "snapdesk:environment", environment, "snapdesk:recovery-point", pointId,
        "snapdesk:type", type);
  }

  static RecoveryPoint point(String id, Instant at, RecoveryPoint.StorageTier tier, String... snapshotIds) {
    return new RecoveryPoint(id, ACME, Environment.PRODUCTION, at, RecoveryPoint.Type.AUTOMATIC,
        RecoveryPoint.State.COMPLETED, tier, List.of(snapshotIds));
  }

  static RetrievalRequest request(String ticketId, RecoveryPoint point, Scope scope, String requestedBy) {
    return new RetrievalRequest(ticketId, ticketId.toLowerCase(), ACME_PROJECT, point.environment(), point, scope,
        requestedBy);
  }
}
