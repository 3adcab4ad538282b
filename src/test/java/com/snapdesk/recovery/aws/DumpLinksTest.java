package com.snapdesk.recovery.aws;

import static com.snapdesk.recovery.aws.AwsFixtures.CONTACT;
import static com.snapdesk.recovery.aws.AwsFixtures.NODE;
import static com.snapdesk.recovery.aws.AwsFixtures.T0;
import static com.snapdesk.recovery.aws.AwsFixtures.ZONE;
import static com.snapdesk.recovery.aws.AwsFixtures.backupTags;
import static com.snapdesk.recovery.aws.AwsFixtures.point;
import static com.snapdesk.recovery.aws.AwsFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.Scope;
import com.snapdesk.support.aws.AwsStandIn;
import com.snapdesk.support.aws.S3MockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Database-dump links against S3Mock (its own JVM) behind the one AWS endpoint: real uploads, server-side copies,
 * listing, deletes, and presigned links downloaded over HTTP.
 */
class DumpLinksTest {

  static final String BUCKET = "backup-dumps";
  static final S3MockServer s3mock = S3MockServer.start(BUCKET);
  static final AwsStandIn aws = new AwsStandIn(s3mock.endpoint());
  static final byte[] DUMP = "-- MySQL dump of acme at rp-1\nCREATE TABLE sales_order (entity_id int);\n"
      .getBytes(StandardCharsets.UTF_8);

  final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
  AwsClients clients;

  @BeforeEach
  void world() {
    aws.reset();
    aws.ec2.instance(NODE, ZONE).snapshot("snap-0a", T0, backupTags("rp-1", "production", "automatic"));
    clients = new AwsClients(AwsFixtures.properties(aws.endpoint(), false, BUCKET));
    clients.s3().putObject(b -> b.bucket(BUCKET).key("mx7k2p4qzt3rw/production/rp-1.sql.gz"), RequestBody.fromBytes(DUMP));
  }

  @AfterEach
  void close() {
    clients.close();
    assertThat(aws.ec2.forbiddenCalls()).isEmpty();
  }

  @AfterAll
  static void stop() {
    aws.close();
    s3mock.close();
  }

  private AwsRecoveryRetrieval retrieval(Duration retrievedDataExpiry) {
    return AwsRecoveryRetrieval.create(AwsFixtures.properties(aws.endpoint(), false, BUCKET), clients,
        () -> Set.of("us-east-1"), clock, retrievedDataExpiry, d -> { });
  }

  private static RecoveryPoint rp1() {
    return point("rp-1", T0, RecoveryPoint.StorageTier.STANDARD, "snap-0a");
  }

  @Test
  void aContactAsksForTheDatabaseAndGetsACopyOfTheDumpWithLinksValidForMinutes() throws Exception {
    // given the pipeline's dump of rp-1 in the bucket
    // when a registered contact's database request is retrieved
    AwsRecoveryRetrieval retrieval = retrieval(Duration.ofDays(7));
    RetrievalProgress ready = retrieval.retrieve(request("SD-2001", rp1(), Scope.DATABASE, CONTACT));

    // then the answer is a download, not a node, at once: a reference to the delivered copy, no link yet
    assertThat(ready.ready()).isTrue();
    assertThat(ready.node()).isNull();
    assertThat(ready.location()).isEqualTo("s3://" + BUCKET + "/deliveries/sd-2001/rp-1.sql.gz");

    // and a link made for it lives the minutes asked for and downloads the dump over plain HTTP
    URI link = retrieval.link(ready.location(), Duration.ofMinutes(5)).orElseThrow();
    assertThat(link.toString()).startsWith(aws.endpoint() + "/" + BUCKET + "/deliveries/sd-2001/rp-1.sql.gz?")
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=300");
    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(DUMP);
    // and it is a copy in the delivery folder, labelled with the ticket; no volume was created
    var copy = clients.s3().headObject(b -> b.bucket(BUCKET).key("deliveries/sd-2001/rp-1.sql.gz"));
    assertThat(copy.metadata()).containsEntry("snapdesk-ticket", "SD-2001").containsEntry("snapdesk-recovery-point", "rp-1");
    assertThat(copy.contentDisposition()).isEqualTo("attachment; filename=\"rp-1.sql.gz\"");
    assertThat(aws.ec2.actions()).isEmpty();
  }

  @Test
  void aLinkNeverOutlivesTheRetrievedDataNorS3sSevenDays() {
    // given retrieved data that expires after two days
    AwsRecoveryRetrieval retrieval = retrieval(Duration.ofDays(2));
    String location = retrieval.retrieve(request("SD-2002", rp1(), Scope.DATABASE, CONTACT)).location();

    // when a longer link is asked for, then it lives two days
    assertThat(retrieval.link(location, Duration.ofDays(30)).orElseThrow().toString()).contains("X-Amz-Expires=172800");
  }

  @Test
  void linksAreMadeOnlyForDeliveredCopiesNeverForOtherKeysOfTheBucket() {
    AwsRecoveryRetrieval retrieval = retrieval(Duration.ofDays(7));
    assertThat(retrieval.link("s3://" + BUCKET + "/mx7k2p4qzt3rw/production/rp-1.sql.gz", Duration.ofMinutes(5)))
        .isEmpty();
    assertThat(retrieval.link("s3://other-bucket/deliveries/sd-1/x.sql.gz", Duration.ofMinutes(5))).isEmpty();
    assertThat(retrieval.link("/mnt/recovery-sd-1", Duration.ofMinutes(5))).isEmpty();
    assertThat(retrieval.link(null, Duration.ofMinutes(5))).isEmpty();
  }

  @Test
  void someoneWhoIsNotARegisteredContactGetsTheDataOnTheNodeNotALink() {
    // given a requester no longer among the project's contacts
    // when the database request is retrieved
    RetrievalProgress progress = retrieval(Duration.ofDays(7))
        .retrieve(request("SD-2004", rp1(), Scope.DATABASE, "former.employee@acme.example"));

    // then recovery volumes are made for the environment's own node, and nothing was delivered to S3
    assertThat(progress.waitingReason()).startsWith("Creating the recovery volume");
    assertThat(aws.ec2.calls("CreateVolume")).hasSize(1);
    assertThat(clients.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix("deliveries/sd-2004/")).contents()).isEmpty();
  }

  @Test
  void aPointWithoutADumpIsRetrievedAsVolumes() {
    // given the pipeline wrote no dump for rp-7
    aws.ec2.snapshot("snap-07", T0, backupTags("rp-7", "production", "automatic"));

    // when a database request for it is retrieved, then volumes are created instead
    RetrievalProgress progress = retrieval(Duration.ofDays(7)).retrieve(request("SD-2005",
        point("rp-7", T0, RecoveryPoint.StorageTier.STANDARD, "snap-07"), Scope.DATABASE, CONTACT));
    assertThat(progress.ready()).isFalse();
    assertThat(aws.ec2.calls("CreateVolume")).singleElement().satisfies(c -> assertThat(c).containsEntry("SnapshotId", "snap-07"));
  }

  @Test
  void cleanupDeletesTheDeliveredCopyButNeverTheDumpAndCanRunAgain() {
    // given a delivered dump
    AwsRecoveryRetrieval retrieval = retrieval(Duration.ofDays(7));
    String link = retrieval.retrieve(request("SD-2006", rp1(), Scope.DATABASE, CONTACT)).location();

    // when the data expires, twice (a retried job)
    retrieval.cleanup("sd-2006");
    retrieval.cleanup("sd-2006");

    // then the copy is gone (and with it what the link pointed at) while the pipeline's dump stays
    assertThat(clients.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix("deliveries/sd-2006/")).contents()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> clients.s3().headObject(b -> b.bucket(BUCKET)
        .key("deliveries/sd-2006/rp-1.sql.gz"))).isInstanceOf(NoSuchKeyException.class);
    assertThat(clients.s3().headObject(b -> b.bucket(BUCKET).key("mx7k2p4qzt3rw/production/rp-1.sql.gz")).contentLength())
        .isEqualTo(DUMP.length);
    assertThat(link).contains("sd-2006");
  }
}
