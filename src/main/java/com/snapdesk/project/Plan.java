package com.snapdesk.project;

import java.util.Locale;
import java.util.Optional;

/** The cloud plan of a project; only Pro Staging and Production have automatic backups. */
public enum Plan {
  PRO,
  STARTER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Plan> parse(String value) {
    if (value == null) return Optional.empty();
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "pro" -> Optional.of(PRO);
      case "starter" -> Optional.of(STARTER);
      default -> Optional.empty();
    };
  }
}
