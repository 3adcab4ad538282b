package com.snapdesk.recovery.local;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code recoveryBackend} for the embedded backend: the inventory has
 * projects and recovery points, and the recovery folder exists (or can be made) and is writable, since
 * every retrieval writes there.
 */
public final class LocalBackendHealthIndicator extends AbstractHealthIndicator {

  private final LocalInventory inventory;
  private final Path recoveryDir;
  private final Path inventoryFile;

  public LocalBackendHealthIndicator(LocalInventory inventory, Path recoveryDir, Path inventoryFile) {
    super("Local recovery backend check failed");
    this.inventory = inventory;
    this.recoveryDir = recoveryDir.toAbsolutePath().normalize();
    this.inventoryFile = inventoryFile;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    health.withDetail("backend", "local")
        .withDetail("inventory", inventoryFile == null ? "demo (generated at start-up)" : inventoryFile.toString())
        .withDetail("projects", inventory.projects().size())
        .withDetail("recoveryPoints", inventory.pointCount())
        .withDetail("recoveryDir", recoveryDir.toString());
    if (inventoryFile != null && !Files.isReadable(inventoryFile)) {
      health.down().withDetail("problem", "the inventory file is no longer readable");
      return;
    }
    if (inventory.projects().isEmpty()) {
      health.down().withDetail("problem", "the inventory has no projects");
      return;
    }
    Files.createDirectories(recoveryDir);
    if (!Files.isWritable(recoveryDir)) {
      health.down().withDetail("problem", "the recovery folder is not writable");
      return;
    }
    health.up();
  }
}
