package com.snapdesk.recovery.local;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.CandidateIndex;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.inventory.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects and recovery points held in memory, read once from the inventory file or the demo.
 * Indexes are built at construction so each query is a map lookup plus a binary search.
 */
public final class LocalInventory implements ProjectDirectory, RecoveryPointCatalog {

  private static final Comparator<RecoveryPoint> BY_TIME =
      Comparator.comparing(RecoveryPoint::createdAt).thenComparing(RecoveryPoint::id);

  private final Map<String, Project> projects = new LinkedHashMap<>();
  private final Map<String, Map<Environment, List<RecoveryPoint>>> points = new HashMap<>();
  private final Map<String, Map<Environment, CandidateIndex>> candidates = new HashMap<>();
  private final Map<String, RecoveryPoint> pointsById = new HashMap<>();
  private final int pointCount;

  public LocalInventory(Inventory inventory) {
    List<String> problems = inventory.problems();
    if (!problems.isEmpty()) throw new IllegalArgumentException("Inconsistent inventory: " + String.join("; ", problems));
    for (Project p : inventory.projects()) projects.put(p.id(), p);

    Map<String, Map<Environment, List<RecoveryPoint>>> grouped = new HashMap<>();
    for (RecoveryPoint rp : inventory.recoveryPoints()) {
      grouped.computeIfAbsent(rp.projectId(), k -> new EnumMap<>(Environment.class))
          .computeIfAbsent(rp.environment(), k -> new ArrayList<>())
          .add(rp);
      pointsById.put(rp.id(), rp);
    }
    grouped.forEach((projectId, byEnv) -> byEnv.forEach((env, list) -> {
      list.sort(BY_TIME);
      points.computeIfAbsent(projectId, k -> new EnumMap<>(Environment.class)).put(env, List.copyOf(list));
      candidates.computeIfAbsent(projectId, k -> new EnumMap<>(Environment.class)).put(env, CandidateIndex.of(list));
    }));
    pointCount = inventory.recoveryPoints().size();
  }

  @Override
  public Optional<Project> find(String projectId) {
    return Optional.ofNullable(projects.get(projectId));
  }

  /** All projects, in inventory order. */
  @Override
  public List<Project> projects() {
    return List.copyOf(projects.values());
  }

  public int pointCount() {
    return pointCount;
  }

  @Override
  public List<RecoveryPoint> points(String projectId, Environment environment) {
    Map<Environment, List<RecoveryPoint>> byEnv = points.get(projectId);
    return byEnv == null ? List.of() : byEnv.getOrDefault(environment, List.of());
  }

  @Override
  public Optional<RecoveryPoint> find(String projectId, Environment environment, String recoveryPointId) {
    RecoveryPoint rp = pointsById.get(recoveryPointId);
    return rp != null && rp.projectId().equals(projectId) && rp.environment() == environment
        ? Optional.of(rp) : Optional.empty();
  }

  @Override
  public CandidateIndex candidates(String projectId, Environment environment) {
    Map<Environment, CandidateIndex> byEnv = candidates.get(projectId);
    return byEnv == null ? CandidateIndex.empty() : byEnv.getOrDefault(environment, CandidateIndex.empty());
  }
}
