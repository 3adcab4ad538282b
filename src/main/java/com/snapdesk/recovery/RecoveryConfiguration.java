package com.snapdesk.recovery;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Backend-independent recovery beans; the backend (local or AWS) supplies the catalog. */
@Configuration(proxyBeanMethods = false)
public class RecoveryConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  public RetentionPolicy retentionPolicy(RetentionProperties properties) {
    return new RetentionPolicy(properties);
  }

  @Bean
  public RecoveryPointResolver recoveryPointResolver(RecoveryPointCatalog catalog, RetentionPolicy retentionPolicy,
                                                     Clock clock) {
    return new RecoveryPointResolver(catalog, retentionPolicy, clock);
  }
}
