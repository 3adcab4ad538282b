package com.snapdesk.recovery.inventory;

import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The local backend's world: projects and every recovery point, as in the inventory JSON. */
public record Inventory(List<Project> projects, List<RecoveryPoint> recoveryPoints) {

  public Inventory {
    projects = List.copyOf(projects);
    recoveryPoints = List.copyOf(recoveryPoints);
  }

  /**
   * What makes the inventory inconsistent, each prefixed with the JSON path it concerns: duplicate
   * ids, points of unknown projects or of environments the project does not have. Empty when fine.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    Map<String, Project> byId = new HashMap<>();
    for (int i = 0; i < projects.size(); i++) {
      Project p = projects.get(i);
      if (byId.putIfAbsent(p.id(), p) != null)
        problems.add("projects[" + i + "].id: project '" + p.id() + "' is listed twice");
    }
    Set<String> pointIds = new HashSet<>();
    for (int i = 0; i < recoveryPoints.size(); i++) {
      RecoveryPoint rp = recoveryPoints.get(i);
      String at = "recoveryPoints[" + i + "]";
      if (!pointIds.add(rp.id())) problems.add(at + ".id: recovery point '" + rp.id() + "' is listed twice");
      Project project = byId.get(rp.projectId());
      if (project == null) {
        problems.add(at + ".projectId: no project '" + rp.projectId() + "' in projects");
      } else if (project.environment(rp.environment()).isEmpty()) {
        problems.add(at + ".environment: project '" + rp.projectId() + "' has no " + rp.environment().id()
            + " environment");
      }
    }
    return problems;
  }
}
