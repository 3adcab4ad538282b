package com.snapdesk.estimate;

import com.snapdesk.project.Environment;
import com.snapdesk.recovery.Scope;
import java.util.Objects;

/**
 * What makes two retrievals comparable: the environment, the scope and whether the point comes from the archive
 * tier (an archive restore waits hours on the cloud, so its history never mixes with standard retrievals).
 */
public record RetrievalKind(Environment environment, Scope scope, boolean archived) {

  public RetrievalKind {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(scope, "scope");
  }
}
