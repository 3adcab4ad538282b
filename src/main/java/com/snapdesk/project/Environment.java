package com.snapdesk.project;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The environments of a cloud project. Names as customers and the inventory spell them. */
public enum Environment {
  PRODUCTION("production"),
  STAGING("staging"),
  INTEGRATION("integration");

  private final String id;

  Environment(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<Environment> parse(String value) {
    if (value == null) return Optional.empty();
    String v = value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.id.equals(v)).findFirst();
  }
}
