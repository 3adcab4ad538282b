package com.snapdesk.identity;

import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses unsafe start-ups before anything connects: the {@code demo} profile (users with known passwords)
 * together with a production profile, and a production profile without an administrator password. Runs
 * after the config files are read (lowest precedence), so profiles from any source count.
 */
class SafeStartup implements EnvironmentPostProcessor, Ordered {

  static final Set<String> PRODUCTION_PROFILES = Set.of("postgres", "aws");
  static final String DEMO_PROFILE = "demo";
  static final String ALLOW_DEMO = "snapdesk.demo.allow-production-profiles";
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

  private final Log log;

  SafeStartup(DeferredLogFactory logs) {
    this.log = logs.getLog(SafeStartup.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> active = List.of(environment.getActiveProfiles());
    List<String> production = active.stream().filter(PRODUCTION_PROFILES::contains).toList();
    boolean demo = active.contains(DEMO_PROFILE);
    if (!production.isEmpty() && demo && !environment.getProperty(ALLOW_DEMO, Boolean.class, false)) {
      throw new UnsafeStartupException(
          "The 'demo' profile creates users with known passwords (alice/alice, admin/admin) and is active together"
              + " with " + production + ".",
          "Remove 'demo' from spring.profiles.active, or set " + ALLOW_DEMO + "=true"
              + " (SNAPDESK_DEMO_ALLOW_PRODUCTION_PROFILES) for a throwaway stack.");
    }
    if (!production.isEmpty() && !demo) {
      for (String property : List.of(ADMIN_ID, ADMIN_PASSWORD)) {
        if (!StringUtils.hasText(environment.getProperty(property))) {
          throw new UnsafeStartupException(
              "Profile " + production + " needs an administrator, but " + property + " is not set.",
              "Set " + property + (property.equals(ADMIN_PASSWORD)
                  ? " (SNAPDESK_ADMIN_PASSWORD with the postgres profile)"
                  : " (SNAPDESK_ADMIN_USER with the postgres profile)") + ".");
        }
      }
    }
    if (active.isEmpty() && !StringUtils.hasText(environment.getProperty(ADMIN_PASSWORD))) {
      log.warn("No profile and no " + ADMIN_PASSWORD + ": nobody can log into Camunda. Set "
          + ADMIN_ID + " and " + ADMIN_PASSWORD + ", or run the demo (--spring.profiles.active=demo).");
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** A start-up refused on purpose; {@link UnsafeStartupFailureAnalyzer} prints it without a stack trace. */
  static final class UnsafeStartupException extends IllegalStateException {
    private final String action;

    UnsafeStartupException(String description, String action) {
      super("Refusing to start: " + description + " " + action);
      this.action = action;
    }

    String action() {
      return action;
    }
  }
}
