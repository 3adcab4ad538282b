package com.snapdesk.recovery.aws;

import com.snapdesk.project.Environment;
import com.snapdesk.support.aws.AwsStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A harness, not a test: what one environment's listing costs on Snapdesk's side (SDK, XML, grouping, index) and what
 * a cached resolution costs, with EC2 played locally so the network is out of the figure. Run after test-compile with
 * {@code java -cp "<test classpath>" com.snapdesk.recovery.aws.CatalogListingBenchmark [snapshots]}.
 */
public final class CatalogListingBenchmark {

  public static void main(String[] args) {
    int snapshots = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    try (AwsStandIn aws = new AwsStandIn()) {
      // two snapshots per point, one point an hour: a busy environment's whole retention and more
      Instant t = Instant.parse("2026-11-25T12:00:00Z");
      for (int i = 0; i < snapshots; i++) {
        aws.ec2.snapshot(String.format("snap-%017x", i), t.minusSeconds(3600L * (i / 2)),
            AwsFixtures.backupTags("rp-" + (i / 2), "production", "automatic"));
      }
      try (AwsClients clients = new AwsClients(AwsFixtures.properties(aws.endpoint(), false, null))) {
        long best = Long.MAX_VALUE;
        Ec2RecoveryPointCatalog catalog = null;
        for (int run = 0; run < 5; run++) { // the first runs pay for class loading and JIT
          catalog = new Ec2RecoveryPointCatalog(new AwsProjectDirectory(List.of(AwsFixtures.ACME_PROJECT)), clients,
              AwsBackendProperties.Tags.defaults(), Duration.ofMinutes(1));
          long start = System.nanoTime();
          catalog.candidates(AwsFixtures.ACME, Environment.PRODUCTION);
          best = Math.min(best, System.nanoTime() - start);
        }
        int lookups = 100_000;
        long start = System.nanoTime();
        int found = 0;
        for (int i = 0; i < lookups; i++) {
          found += catalog.candidates(AwsFixtures.ACME, Environment.PRODUCTION).neighbours(t.minusSeconds(i % 1000 * 60L))
              .before() != null ? 1 : 0;
        }
        long cached = System.nanoTime() - start;
        System.out.printf("%d snapshots in %d pages -> %d points: cold listing best of 5 %.1f ms; "
                + "cached resolution %.2f us each (%d found)%n", snapshots, aws.ec2.calls("DescribeSnapshots").size() / 5,
            catalog.points(AwsFixtures.ACME, Environment.PRODUCTION).size(), best / 1e6, cached / 1e3 / lookups, found);
      }
    }
  }
}
