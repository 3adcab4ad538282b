package com.snapdesk.recovery.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The least-privilege policy in docs/iam-policy.json allows exactly the AWS actions the adapter's code calls (KMS
 * aside: EC2 calls it on Snapdesk's behalf to encrypt volumes), and no code can delete or change a backup snapshot.
 */
class AwsIamPolicyTest {

  static final JavaClasses ADAPTER = importAdapter();

  /** Call targets are known by name; resolving the whole SDK from the class path would only take time. */
  private static JavaClasses importAdapter() {
    ArchConfiguration config = ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.snapdesk.recovery.aws");
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  /** S3 operations whose IAM action is not their own name. */
  static final Map<String, Set<String>> S3_ACTIONS = Map.of(
      "headObject", Set.of("s3:GetObject"),
      "copyObject", Set.of("s3:GetObject", "s3:PutObject"),
      "listObjectsV2Paginator", Set.of("s3:ListBucket"),
      "deleteObject", Set.of("s3:DeleteObject"),
      "putObject", Set.of("s3:PutObject"),
      "presignGetObject", Set.of("s3:GetObject"));

  @Test
  void thePolicyAllowsExactlyTheActionsTheCodeCalls() throws Exception {
    // given the adapter's compiled code and the policy
    Set<String> called = new TreeSet<>();
    for (var c : ADAPTER) {
      for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
        String owner = call.getTargetOwner().getName();
        String method = call.getName();
        if (method.equals("builder") || method.equals("close")) continue; // making and closing clients
        if (owner.equals(Ec2Client.class.getName())) called.add("ec2:" + action(method));
        else if (owner.equals(SsmClient.class.getName())) called.add("ssm:" + action(method));
        else if (owner.equals(S3Client.class.getName()) || owner.equals(S3Presigner.class.getName())) {
          assertThat(S3_ACTIONS).as("IAM action of S3 call " + method + " (add it here and to the policy)").containsKey(method);
          called.addAll(S3_ACTIONS.get(method));
        }
      }
    }
    Set<String> allowed = new TreeSet<>();
    for (JsonNode statement : new ObjectMapper().readTree(Path.of("docs/iam-policy.json").toFile()).path("Statement")) {
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      JsonNode actions = statement.path("Action");
      if (actions.isArray()) actions.forEach(a -> allowed.add(a.asText()));
      else allowed.add(actions.asText());
    }
    allowed.removeIf(a -> a.startsWith("kms:"));

    // then they name the same actions: nothing the code needs is missing, nothing unused is granted
    assertThat(allowed).containsExactlyElementsOf(called);
    assertThat(called).contains("ec2:CreateVolume", "ec2:DescribeSnapshots", "ssm:SendCommand", "s3:GetObject");
  }

  @Test
  void noCodePathDeletesOrChangesABackupSnapshot() {
    // given the snapshot calls that would destroy or alter a backup
    Set<String> forbidden = Set.of("deleteSnapshot", "modifySnapshotAttribute", "modifySnapshotTier",
        "resetSnapshotAttribute", "lockSnapshot", "createSnapshot");
    // then the adapter never calls them (the AWS SDK is used nowhere else: ArchitectureTest)
    noClasses().should().callMethodWhere(DescribedPredicate.describe("an EC2 call that changes a backup snapshot",
            (JavaMethodCall call) -> call.getTargetOwner().getName().equals(Ec2Client.class.getName())
                && forbidden.contains(call.getName())))
        .check(ADAPTER);
  }

  private static String action(String method) {
    String m = method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
    return m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
  }
}
