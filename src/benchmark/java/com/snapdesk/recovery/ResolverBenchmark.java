package com.snapdesk.recovery;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.recovery.local.LocalInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A harness, not a test: how resolution scales with a large inventory. Run after test-compile with
 * {@code java -Xmx2g -cp "<test classpath>" com.snapdesk.recovery.ResolverBenchmark [projects] [points]}
 * (the classpath from {@code ./mvnw dependency:build-classpath} plus target/classes and target/test-classes).
 */
public final class ResolverBenchmark {

  private static final Instant NOW = Instant.parse("2026-11-25T15:20:00Z");
  private static final List<String> SNAPSHOTS = List.of("snap-0123456789abcdef0", "snap-0fedcba987654321f");
  private static final int QUERIES = 100_000;

  public static void main(String[] args) {
    int projects = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int pointsPerEnv = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    List<Environment> envs = List.of(Environment.PRODUCTION, Environment.STAGING);

    long t0 = System.nanoTime();
    Inventory inventory = inventory(projects, pointsPerEnv, envs);
    long generated = System.nanoTime() - t0;

    long best = Long.MAX_VALUE;
    LocalInventory local = null;
    for (int run = 0; run < 3; run++) { // the first build also pays for class loading and JIT
      long start = System.nanoTime();
      local = new LocalInventory(inventory);
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("inventory: %,d projects x %d envs x %,d points = %,d points (generated in %d ms)%n",
        projects, envs.size(), pointsPerEnv, inventory.recoveryPoints().size(), generated / 1_000_000);
    System.out.printf("index build (LocalInventory): best of 3 = %d ms%n", best / 1_000_000);

    var resolver = new RecoveryPointResolver(local, RetentionPolicy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    Random random = new Random(42);
    String[] ids = new String[QUERIES];
    Environment[] queryEnvs = new Environment[QUERIES];
    Instant[] instants = new Instant[QUERIES];
    long spanSeconds = Duration.ofDays(150).toSeconds();
    for (int i = 0; i < QUERIES; i++) {
      ids[i] = projectId(random.nextInt(projects));
      queryEnvs[i] = envs.get(random.nextInt(envs.size()));
      instants[i] = NOW.minusSeconds(random.nextLong(spanSeconds));
    }

    long[] rounds = new long[8];
    long sink = 0;
    for (int round = 0; round < rounds.length; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < QUERIES; i++) {
        ResolutionPolicy policy = (i & 1) == 0 ? ResolutionPolicy.NEAREST : ResolutionPolicy.AT_OR_BEFORE;
        Resolution r = resolver.resolve(ids[i], queryEnvs[i], instants[i], policy);
        sink += r.candidateCount() + (r.chosen() == null ? 0 : r.chosen().id().length());
      }
      rounds[round] = System.nanoTime() - start;
    }
    long[] measured = Arrays.copyOfRange(rounds, 3, rounds.length); // first three rounds warm up
    Arrays.sort(measured);
    System.out.printf("resolve (indexed): %,d queries/round, warm-up rounds %s ns/op, measured median %d ns/op, best %d ns/op%n",
        QUERIES, Arrays.toString(Arrays.stream(rounds, 0, 3).map(n -> n / QUERIES).toArray()),
        measured[measured.length / 2] / QUERIES, measured[0] / QUERIES);

    // what a scan of points() per query would cost, for contrast (fewer queries: it is slow)
    int scans = 2_000;
    long start = System.nanoTime();
    for (int i = 0; i < scans; i++) sink += scan(local.points(ids[i], queryEnvs[i]), instants[i]);
    System.out.printf("resolve (linear scan, for contrast): %,d ns/op over %,d queries%n",
        (System.nanoTime() - start) / scans, scans);

    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf("heap used after GC: %d MB (checksum %d)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, sink);
  }

  private static long scan(List<RecoveryPoint> points, Instant requested) {
    RecoveryPoint before = null;
    RecoveryPoint after = null;
    for (RecoveryPoint p : points) {
      if (!p.isCandidate()) continue;
      if (!p.createdAt().isAfter(requested)) before = p;
      else if (after == null) after = p;
    }
    return (before == null ? 0 : 1) + (after == null ? 0 : 2);
  }

  /** Points roughly following the schedule: hourly first, then thinning out; every 50th in error. */
  private static Inventory inventory(int projects, int pointsPerEnv, List<Environment> envs) {
    List<Project> projectList = new ArrayList<>(projects);
    List<RecoveryPoint> points = new ArrayList<>(projects * envs.size() * pointsPerEnv);
    for (int p = 0; p < projects; p++) {
      String id = projectId(p);
      Map<Environment, Project.EnvironmentInfo> infos = new EnumMap<>(Environment.class);
      for (Environment env : envs) infos.put(env, new Project.EnvironmentInfo(id, "us-east-1", null));
      projectList.add(new Project(id, "Project " + p, Plan.PRO, List.of("ops@" + id + ".example"), infos));
      for (Environment env : envs) {
        Instant at = NOW.minusSeconds(p % 3600);
        for (int i = 0; i < pointsPerEnv; i++) {
          at = at.minus(i < 72 ? Duration.ofHours(1) : Duration.ofMinutes(215)); // ~150 days in all
          RecoveryPoint.State state = i % 50 == 7 ? RecoveryPoint.State.ERROR : RecoveryPoint.State.COMPLETED;
          points.add(new RecoveryPoint("rp-" + id + "-" + env.id() + "-" + i, id, env, at,
              RecoveryPoint.Type.AUTOMATIC, state, RecoveryPoint.StorageTier.STANDARD, SNAPSHOTS));
        }
      }
    }
    return new Inventory(projectList, points);
  }

  private static String projectId(int n) {
    return String.format("p%012d", n);
  }
}
