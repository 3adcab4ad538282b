package com.snapdesk.recovery.local;

import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.recovery.inventory.InventoryFile;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded backend, active unless {@code snapdesk.backend} names another one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "local", matchIfMissing = true)
public class LocalBackendConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LocalBackendConfiguration.class);

  /**
   * Both the project directory and the recovery point catalog: the inventory file, or else the generated
   * inventory another module offers as a bean (demo/ does), so the embedded default needs no file.
   */
  @Bean
  public LocalInventory localInventory(LocalBackendProperties properties, ObjectProvider<Inventory> generated,
                                       Clock clock) {
    Inventory inventory;
    if (properties.inventory() != null) {
      inventory = InventoryFile.read(properties.inventory());
      log.info("Local backend: {} projects and {} recovery points from {}", inventory.projects().size(),
          inventory.recoveryPoints().size(), properties.inventory().toAbsolutePath());
    } else {
      inventory = generated.getIfAvailable(() -> {
        throw new IllegalStateException("snapdesk.local.inventory is not set and no inventory is generated");
      });
      log.info("Local backend: demo inventory of {} projects and {} recovery points generated for {} "
          + "(set snapdesk.local.inventory to use a file)", inventory.projects().size(),
          inventory.recoveryPoints().size(), clock.instant());
    }
    return new LocalInventory(inventory);
  }

  /** Health component {@code recoveryBackend}. */
  @Bean
  public LocalBackendHealthIndicator recoveryBackendHealthIndicator(LocalInventory localInventory,
                                                                    LocalBackendProperties properties) {
    return new LocalBackendHealthIndicator(localInventory, properties.recoveryDir(), properties.inventory());
  }

  @Bean
  public LocalRecoveryRetrieval localRecoveryRetrieval(LocalBackendProperties properties, LocalInventory localInventory,
                                                       Clock clock) {
    return new LocalRecoveryRetrieval(properties.recoveryDir(), properties.drillDir(), localInventory, clock,
        properties.archiveRestoreTime());
  }
}
