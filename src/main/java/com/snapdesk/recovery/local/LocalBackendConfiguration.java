package com.snapdesk.recovery.local;

import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.recovery.inventory.InventoryFile;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded backend, active unless {@code snapdesk.backend} names another one. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "local", matchIfMissing = true)
public class LocalBackendConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LocalBackendConfiguration.class);

  /** Both the project directory and the recovery point catalog. */
  @Bean
  public LocalInventory localInventory(LocalBackendProperties properties, RetentionPolicy retentionPolicy, Clock clock) {
    Inventory inventory;
    if (properties.inventory() != null) {
      inventory = InventoryFile.read(properties.inventory());
      log.info("Local backend: {} projects and {} recovery points from {}", inventory.projects().size(),
          inventory.recoveryPoints().size(), properties.inventory().toAbsolutePath());
    } else {
      inventory = new DemoInventory(retentionPolicy, clock).generate();
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
    return new LocalRecoveryRetrieval(properties.recoveryDir(), localInventory, clock, properties.archiveRestoreTime());
  }
}
