package com.snapdesk.recovery.aws;

import com.snapdesk.project.Project;
import com.snapdesk.project.ProjectDirectory;
import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.recovery.inventory.InventoryFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The projects the AWS backend serves: the {@code projects} part of a file in the inventory format (plan,
 * contacts, clusters, first node). Recovery points come from EC2, so a {@code recoveryPoints} part is ignored.
 */
public final class AwsProjectDirectory implements ProjectDirectory {

  private final Map<String, Project> projects = new LinkedHashMap<>();

  public AwsProjectDirectory(List<Project> projects) {
    for (Project p : projects) this.projects.put(p.id(), p);
  }

  public static AwsProjectDirectory read(Path file) {
    Inventory inventory = InventoryFile.read(file);
    return new AwsProjectDirectory(inventory.projects());
  }

  @Override
  public Optional<Project> find(String projectId) {
    return Optional.ofNullable(projects.get(projectId));
  }

  @Override
  public List<Project> projects() {
    return List.copyOf(projects.values());
  }

  public int size() {
    return projects.size();
  }

  /** Every region an environment names, and the default: where cleanup looks for a recovery's volumes. */
  public Set<String> regions(AwsClients clients) {
    Set<String> regions = new TreeSet<>();
    regions.add(clients.defaultRegion());
    for (Project p : projects.values()) {
      p.environments().values().stream().map(Project.EnvironmentInfo::region).filter(Objects::nonNull)
          .filter(r -> !r.isBlank()).forEach(regions::add);
    }
    return regions;
  }
}
