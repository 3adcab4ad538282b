package com.snapdesk.recovery.aws;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.CandidateIndex;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * Recovery points read from EC2: the account's own snapshots ({@code OwnerIds=self}) tagged with the project and
 * environment, in one paginated listing per environment. A listing is reused for the cache TTL, and concurrent
 * requests for the same environment share one listing, so a burst of tickets is one burst of pages, not many.
 */
public final class Ec2RecoveryPointCatalog implements RecoveryPointCatalog {

  private static final Logger log = LoggerFactory.getLogger(Ec2RecoveryPointCatalog.class);

  private final ProjectDirectory projects;
  private final AwsClients clients;
  private final AwsBackendProperties.Tags tags;
  private final SnapshotGrouping grouping;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

  public Ec2RecoveryPointCatalog(ProjectDirectory projects, AwsClients clients, AwsBackendProperties.Tags tags,
                                 Duration cacheTtl) {
    this(projects, clients, tags, cacheTtl, System::nanoTime);
  }

  /** @param nanoTime a monotonic clock for the cache: freshness is real time, not the business clock */
  Ec2RecoveryPointCatalog(ProjectDirectory projects, AwsClients clients, AwsBackendProperties.Tags tags,
                          Duration cacheTtl, LongSupplier nanoTime) {
    this.projects = projects;
    this.clients = clients;
    this.tags = tags;
    this.grouping = new SnapshotGrouping(tags);
    this.ttlNanos = cacheTtl.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public List<RecoveryPoint> points(String projectId, Environment environment) {
    return listing(projectId, environment).points();
  }

  @Override
  public Optional<RecoveryPoint> find(String projectId, Environment environment, String recoveryPointId) {
    return Optional.ofNullable(listing(projectId, environment).byId().get(recoveryPointId));
  }

  @Override
  public CandidateIndex candidates(String projectId, Environment environment) {
    return listing(projectId, environment).candidates();
  }

  private Listing listing(String projectId, Environment environment) {
    Optional<Project.EnvironmentInfo> env = projects.find(projectId).flatMap(p -> p.environment(environment));
    // Unknown projects never reach EC2: nothing to list, and nothing to learn about other tags.
    if (env.isEmpty()) return Listing.EMPTY;
    Key key = new Key(projectId, environment);
    while (true) {
      long now = nanoTime.getAsLong();
      Entry current = cache.get(key);
      if (current != null && (!current.listing.isDone() || now - current.startedAt < ttlNanos)) {
        try {
          return current.listing.join();
        } catch (CompletionException e) {
          cache.remove(key, current);
          throw e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
      Entry mine = new Entry(now, new CompletableFuture<>());
      boolean won = current == null ? cache.putIfAbsent(key, mine) == null : cache.replace(key, current, mine);
      if (!won) continue;
      try {
        mine.listing.complete(load(projectId, environment, env.get().region()));
      } catch (RuntimeException e) {
        mine.listing.completeExceptionally(e);
        cache.remove(key, mine);
        throw e;
      }
      return mine.listing.join();
    }
  }

  private Listing load(String projectId, Environment environment, String region) {
    DescribeSnapshotsRequest request = DescribeSnapshotsRequest.builder()
        .ownerIds("self")
        .filters(
            Filter.builder().name("tag:" + tags.project()).values(projectId).build(),
            Filter.builder().name("tag:" + tags.environment()).values(environment.id()).build(),
            Filter.builder().name("tag-key").values(tags.recoveryPoint()).build())
        .maxResults(1000)
        .build();
    long started = System.nanoTime();
    List<Snapshot> snapshots = clients.ec2(region).describeSnapshotsPaginator(request).snapshots().stream().toList();
    List<RecoveryPoint> points = grouping.points(projectId, environment, snapshots);
    log.debug("Listed {} snapshots in {} recovery points of {} {} in {} ms", snapshots.size(), points.size(),
        projectId, environment.id(), (System.nanoTime() - started) / 1_000_000);
    return new Listing(points, points.stream().collect(Collectors.toUnmodifiableMap(RecoveryPoint::id,
        Function.identity(), (a, b) -> a)), CandidateIndex.of(points));
  }

  private record Key(String projectId, Environment environment) {}

  private record Entry(long startedAt, CompletableFuture<Listing> listing) {}

  private record Listing(List<RecoveryPoint> points, Map<String, RecoveryPoint> byId, CandidateIndex candidates) {
    static final Listing EMPTY = new Listing(List.of(), Map.of(), CandidateIndex.empty());
  }
}
