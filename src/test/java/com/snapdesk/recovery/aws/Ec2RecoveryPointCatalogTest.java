package com.snapdesk.recovery.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.snapdesk.recovery.aws.AwsFixtures.ACME;
import static com.snapdesk.recovery.aws.AwsFixtures.ACME_PROJECT;
import static com.snapdesk.recovery.aws.AwsFixtures.T0;
import static com.snapdesk.recovery.aws.AwsFixtures.backupTags;
import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.CandidateIndex;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.support.aws.AwsStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog read from EC2's DescribeSnapshots over the Query protocol, grouped into recovery points and cached. */
class Ec2RecoveryPointCatalogTest {

  static final AwsStandIn aws = new AwsStandIn();
  final AtomicLong nanos = new AtomicLong();
  AwsClients clients;
  Ec2RecoveryPointCatalog catalog;

  @BeforeEach
  void world() {
    aws.reset();
    aws.ec2.pageSize(2)
        // rp-1: two snapshots taken together; rp-2: one archived; rp-3: pending; rp-4: manual; rp-5: in the bin
        .snapshot("snap-1a", T0, backupTags("rp-1", "production", "automatic"))
        .snapshot("snap-1b", T0.plusSeconds(30), backupTags("rp-1", "production", "automatic"))
        .snapshot("snap-2a", T0.minusSeconds(3600), backupTags("rp-2", "production", "automatic"), "completed", "archive")
        .snapshot("snap-3a", T0.plusSeconds(3600), backupTags("rp-3", "production", "automatic"), "pending", "standard")
        .snapshot("snap-4a", T0.minusSeconds(1800), backupTags("rp-4", "production", "manual"))
        .snapshot("snap-5a", T0.minusSeconds(7200), backupTags("rp-5", "production", "automatic"), "recoverable", "standard")
        // not Acme production: staging, and a snapshot without a recovery-point tag
        .snapshot("snap-9s", T0, backupTags("rp-9", "staging", "automatic"))
        .snapshot("snap-9x", T0, Map.of("snapdesk:project", ACME, "snapdesk:environment", "production"));
    clients = new AwsClients(AwsFixtures.properties(aws.endpoint(), false, null));
    catalog = new Ec2RecoveryPointCatalog(new AwsProjectDirectory(List.of(ACME_PROJECT)), clients,
        AwsBackendProperties.Tags.defaults(), Duration.ofMinutes(1), nanos::get);
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  @Test
  void groupsTheAccountsTaggedSnapshotsIntoRecoveryPointsAcrossPages() {
    // when the production points of Acme are listed
    List<RecoveryPoint> points = catalog.points(ACME, Environment.PRODUCTION);

    // then the request asked for the account's own snapshots (OwnerIds=self, sent by EC2's Query protocol as Owner.1)
    // with the project and environment tags, page by page
    List<Map<String, String>> pages = aws.ec2.calls("DescribeSnapshots");
    assertThat(pages).hasSize(3);
    assertThat(pages.get(0)).containsEntry("Owner.1", "self")
        .containsEntry("Filter.1.Name", "tag:snapdesk:project").containsEntry("Filter.1.Value.1", ACME)
        .containsEntry("Filter.2.Name", "tag:snapdesk:environment").containsEntry("Filter.2.Value.1", "production")
        .containsEntry("Filter.3.Name", "tag-key").containsEntry("Filter.3.Value.1", "snapdesk:recovery-point")
        .doesNotContainKey("NextToken");
    assertThat(pages.get(1)).containsEntry("NextToken", "page-2");
    assertThat(pages.get(2)).containsEntry("NextToken", "page-4");
    aws.wireMock.verify(3, postRequestedFor(urlEqualTo("/")).withFormParam("Action", equalTo("DescribeSnapshots"))
        .withFormParam("Owner.1", equalTo("self")));

    // and snapshots taken together form one point, oldest first, with states and tiers on the domain
    assertThat(points).extracting(RecoveryPoint::id).containsExactly("rp-5", "rp-2", "rp-4", "rp-1", "rp-3");
    RecoveryPoint rp1 = points.get(3);
    assertThat(rp1.snapshotIds()).containsExactly("snap-1a", "snap-1b");
    assertThat(rp1.createdAt()).isEqualTo(T0);
    assertThat(rp1.isCandidate()).isTrue();
    assertThat(points.get(1).storageTier()).isEqualTo(RecoveryPoint.StorageTier.ARCHIVE);
    assertThat(points.get(4).state()).isEqualTo(RecoveryPoint.State.PENDING);
    assertThat(points.get(2).type()).isEqualTo(RecoveryPoint.Type.MANUAL);
    assertThat(points.get(0).state()).as("deleted into the Recycle Bin").isEqualTo(RecoveryPoint.State.ERROR);

    // and only completed automatic points are candidates, the archived one included
    assertThat(catalog.candidates(ACME, Environment.PRODUCTION).points()).extracting(RecoveryPoint::id)
        .containsExactly("rp-2", "rp-1");
  }

  @Test
  void aBurstOfResolutionsListsEachEnvironmentOnceUntilTheTtlEnds() throws Exception {
    // given twenty tickets resolving at the same moment
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<CandidateIndex>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(pool.submit(() -> {
        start.await();
        return catalog.candidates(ACME, Environment.PRODUCTION);
      }));
    }
    // when they run
    start.countDown();
    for (Future<CandidateIndex> answer : answers) assertThat(answer.get().size()).isEqualTo(2);
    pool.shutdown();
    catalog.find(ACME, Environment.PRODUCTION, "rp-1");

    // then EC2 saw one paginated listing (3 pages), not twenty
    assertThat(aws.ec2.calls("DescribeSnapshots")).hasSize(3);

    // when the TTL has passed, then the next resolution lists again
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    catalog.candidates(ACME, Environment.PRODUCTION);
    assertThat(aws.ec2.calls("DescribeSnapshots")).hasSize(6);
  }

  @Test
  void throttlingAndServerErrorsAreRetriedByTheSdk() {
    // given EC2 throttles once and fails once with a 500
    aws.ec2.failNext("DescribeSnapshots", 503, "RequestLimitExceeded").failNext("DescribeSnapshots", 500, "InternalError");

    // when listing, then the listing still completes
    assertThat(catalog.points(ACME, Environment.PRODUCTION)).hasSize(5);
    assertThat(aws.ec2.calls("DescribeSnapshots")).hasSize(5);
  }

  @Test
  void unknownProjectsAndEnvironmentsNeverReachEc2() {
    // when asking for a project not in the projects file, or an environment it does not have
    assertThat(catalog.points("nosuchproject", Environment.PRODUCTION)).isEmpty();
    assertThat(catalog.candidates(ACME, Environment.INTEGRATION).isEmpty()).isTrue();

    // then no request was sent
    assertThat(aws.ec2.actions()).isEmpty();
  }
}
