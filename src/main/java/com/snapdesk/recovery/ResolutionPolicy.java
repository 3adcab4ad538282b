package com.snapdesk.recovery;

import java.util.Locale;
import java.util.Optional;

/** How to choose between the points either side of the requested moment. */
public enum ResolutionPolicy {
  /** The closer of the two neighbours; a tie goes to the earlier one. */
  NEAREST("nearest"),
  /** The latest point at or before the moment (for incidents); the later one only if none exists. */
  AT_OR_BEFORE("at-or-before");

  private final String id;

  ResolutionPolicy(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<ResolutionPolicy> parse(String value) {
    if (value == null) return Optional.empty();
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ResolutionPolicy p : values()) if (p.id.equals(v)) return Optional.of(p);
    return Optional.empty();
  }
}
