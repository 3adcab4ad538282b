package com.snapdesk.demo;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.project.Project.EnvironmentInfo;
import com.snapdesk.project.Project.FirstNode;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPoint.State;
import com.snapdesk.recovery.RecoveryPoint.StorageTier;
import com.snapdesk.recovery.RecoveryPoint.Type;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.RetentionProperties.Tier;
import com.snapdesk.recovery.inventory.Inventory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A believable inventory relative to the clock, for the embedded default without an inventory file.
 *
 * <p>Every Pro production and staging environment gets the points the retention schedule keeps:
 * per tier, points {@code keepEvery} apart starting at the tier's start age, measured from the top
 * of the current hour, so every point is on the hour and the counts per tier do not depend on the
 * minute (72 hourly, 4 daily, 5 weekly, 3 fortnightly, 3 monthly with the default schedule). Oddities
 * a real environment has: the newest point is still {@code pending}, one point of Acme production is
 * in {@code error}, points older than {@value #ARCHIVE_AFTER_DAYS} days are archived, and a few
 * manual snapshots exist where customers take them. The same clock gives the same inventory.
 */
public final class DemoInventory {

  public static final String ACME = "mx7k2p4qzt3rw";
  public static final String GLOBEX = "q4h8c2vbn6d1s";
  public static final String INITECH = "st4rt3rpr0j1c";

  /** Demo rule: points this old have been moved to the archive storage tier. */
  static final int ARCHIVE_AFTER_DAYS = 90;
  /** Which hourly point of Acme production failed, counted back from the newest. */
  static final int ERROR_HOURS_AGO = 7;

  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final RetentionPolicy retention;
  private final Clock clock;

  public DemoInventory(RetentionPolicy retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  public Inventory generate() {
    Instant now = clock.instant();
    Instant base = now.truncatedTo(ChronoUnit.HOURS);
    List<Project> projects = List.of(acme(), globex(), initech());
    List<RecoveryPoint> points = new ArrayList<>();
    for (Project project : projects) {
      if (project.plan() != Plan.PRO) continue;
      for (Environment env : List.of(Environment.PRODUCTION, Environment.STAGING)) {
        points.addAll(automaticPoints(project.id(), env, now, base));
      }
    }
    points.add(manual(ACME, Environment.INTEGRATION, base.minus(Duration.ofHours(26))));
    points.add(manual(INITECH, Environment.PRODUCTION, base.minus(Duration.ofHours(50))));
    return new Inventory(projects, points);
  }

  private List<RecoveryPoint> automaticPoints(String projectId, Environment env, Instant now, Instant base) {
    List<RecoveryPoint> points = new ArrayList<>();
    for (Tier tier : retention.tiers()) {
      for (Instant at = base.minus(tier.fromAge()); Duration.between(at, now).compareTo(tier.toAge()) < 0;
           at = at.minus(tier.keepEvery())) {
        State state = State.COMPLETED;
        if (at.equals(base)) state = State.PENDING;
        if (projectId.equals(ACME) && env == Environment.PRODUCTION && at.equals(base.minus(Duration.ofHours(ERROR_HOURS_AGO))))
          state = State.ERROR;
        StorageTier storage = Duration.between(at, now).compareTo(Duration.ofDays(ARCHIVE_AFTER_DAYS)) >= 0
            ? StorageTier.ARCHIVE : StorageTier.STANDARD;
        points.add(point(projectId, env, at, Type.AUTOMATIC, state, storage));
      }
    }
    return points;
  }

  private static RecoveryPoint manual(String projectId, Environment env, Instant at) {
    return point(projectId, env, at, Type.MANUAL, State.COMPLETED, StorageTier.STANDARD);
  }

  private static RecoveryPoint point(String projectId, Environment env, Instant at, Type type, State state,
                                     StorageTier storage) {
    String id = "rp-" + projectId + "-" + env.id() + "-" + ID_TIME.format(at);
    // a recovery point holds the snapshots of the writable mounts and of the database volume
    return new RecoveryPoint(id, projectId, env, at, type, state, storage,
        List.of(snapshotId(id + "/mounts"), snapshotId(id + "/database")));
  }

  static String snapshotId(String seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return "snap-" + HexFormat.of().formatHex(digest).substring(0, 17);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static Project acme() {
    return new Project(ACME, "Acme Store", Plan.PRO, List.of("ops@acme.example"), Map.of(
        Environment.PRODUCTION, new EnvironmentInfo(ACME, "us-east-1", new FirstNode("i-0abc1234def567890", "us-east-1a")),
        Environment.STAGING, new EnvironmentInfo(ACME + "_stg", "us-east-1", null),
        Environment.INTEGRATION, new EnvironmentInfo(null, null, null)));
  }

  private static Project globex() {
    return new Project(GLOBEX, "Globex Outfitters", Plan.PRO, List.of("it@globex.example"), Map.of(
        Environment.PRODUCTION, new EnvironmentInfo(GLOBEX, "eu-west-1", new FirstNode("i-0f1e2d3c4b5a69788", "eu-west-1b")),
        Environment.STAGING, new EnvironmentInfo(GLOBEX + "_stg", "eu-west-1", new FirstNode("i-0a9b8c7d6e5f40312", "eu-west-1a")),
        Environment.INTEGRATION, new EnvironmentInfo(null, null, null)));
  }

  private static Project initech() {
    return new Project(INITECH, "Initech Shop", Plan.STARTER, List.of("dev@initech.example"), Map.of(
        Environment.PRODUCTION, new EnvironmentInfo(INITECH, "us-west-2", null),
        Environment.STAGING, new EnvironmentInfo(INITECH + "_stg", "us-west-2", null),
        Environment.INTEGRATION, new EnvironmentInfo(null, null, null)));
  }
}
