package com.snapdesk.project;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A customer project on the cloud, with its registered contacts and environments. */
public record Project(String id, String name, Plan plan, List<String> contacts,
                     Map<Environment, EnvironmentInfo> environments) {

  public Project {
    contacts = List.copyOf(contacts);
    environments = Map.copyOf(environments);
  }

  public boolean isContact(String email) {
    if (email == null) return false;
    String e = email.trim().toLowerCase(Locale.ROOT);
    return contacts.stream().anyMatch(c -> c.trim().toLowerCase(Locale.ROOT).equals(e));
  }

  public Optional<EnvironmentInfo> environment(Environment environment) {
    return Optional.ofNullable(environments.get(environment));
  }

  /** Where an environment runs; clusterId and the first node may be absent (integration). */
  public record EnvironmentInfo(String clusterId, String region, FirstNode firstNode) {}

  /** The node where retrieved volumes are attached and the customer finds the data. */
  public record FirstNode(String instanceId, String availabilityZone) {}
}
