package com.snapdesk.recovery.aws;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Project;

/** Where a recovery's volumes go: the environment's first node, in its region and availability zone. */
record FirstNode(String instanceId, String availabilityZone, String region) {

  /** @throws IllegalStateException when the projects file does not say (an operator's fix, not the agent's) */
  static FirstNode of(Project project, Environment environment, AwsClients clients) {
    Project.EnvironmentInfo info = project.environment(environment).orElseThrow(() -> new IllegalStateException(
        "Project " + project.id() + " has no " + environment.id() + " environment in the projects file"));
    if (info.firstNode() == null || info.firstNode().instanceId() == null)
      throw new IllegalStateException("The projects file names no first node for the " + environment.id()
          + " environment of project " + project.id() + ": add firstNode.instanceId and availabilityZone");
    return new FirstNode(info.firstNode().instanceId(), info.firstNode().availabilityZone(),
        clients.regionOr(info.region()));
  }
}
