package com.snapdesk.recovery;

import java.util.Locale;
import java.util.Optional;

/** What the customer needs back: the whole environment's data or just the database. */
public enum Scope {
  FULL, DATABASE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Scope> parse(String value) {
    if (value == null) return Optional.empty();
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "full" -> Optional.of(FULL);
      case "database" -> Optional.of(DATABASE);
      default -> Optional.empty();
    };
  }
}
