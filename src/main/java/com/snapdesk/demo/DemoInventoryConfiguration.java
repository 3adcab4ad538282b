package com.snapdesk.demo;

import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.inventory.Inventory;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded backend's world when no inventory file is set (any profile): generated relative to the clock,
 * offered as a bean so recovery/local does not depend on demo data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "local", matchIfMissing = true)
@ConditionalOnExpression("'${snapdesk.local.inventory:}'.isEmpty()")
public class DemoInventoryConfiguration {

  @Bean
  Inventory demoInventory(RetentionPolicy retentionPolicy, Clock clock) {
    return new DemoInventory(retentionPolicy, clock).generate();
  }
}
