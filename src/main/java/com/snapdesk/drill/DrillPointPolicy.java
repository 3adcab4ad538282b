package com.snapdesk.drill;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which recovery point a drill tests, as AWS Backup's restore testing chooses them. */
public enum DrillPointPolicy {
  /** The newest completed automatic point. */
  LATEST("latest"),
  /** Any completed automatic point taken within the configured window before the drill, chosen at random. */
  RANDOM_WITHIN_WINDOW("random-within-window");

  private final String id;

  DrillPointPolicy(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<DrillPointPolicy> parse(String value) {
    if (value == null) return Optional.empty();
    String v = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(v) || p.name().equalsIgnoreCase(v)).findFirst();
  }
}
