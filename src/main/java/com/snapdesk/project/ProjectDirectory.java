package com.snapdesk.project;

import java.util.Optional;

/** Port: the projects Snapdesk serves (from the inventory or projects file). */
public interface ProjectDirectory {
  Optional<Project> find(String projectId);
}
