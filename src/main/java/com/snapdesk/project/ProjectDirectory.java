package com.snapdesk.project;

import java.util.List;
import java.util.Optional;

/** Port: the projects Snapdesk serves (from the inventory or projects file). */
public interface ProjectDirectory {
  Optional<Project> find(String projectId);

  /** Every project, for work that visits them all (restore drills); directories that cannot list answer none. */
  default List<Project> projects() {
    return List.of();
  }
}
