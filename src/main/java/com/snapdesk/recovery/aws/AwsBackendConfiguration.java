package com.snapdesk.recovery.aws;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The AWS backend, active only with {@code snapdesk.backend=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "aws")
public class AwsBackendConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AwsBackendConfiguration.class);

  @Bean(destroyMethod = "close")
  public AwsClients awsClients(AwsBackendProperties properties) {
    return new AwsClients(properties);
  }

  @Bean
  public AwsProjectDirectory awsProjectDirectory(AwsBackendProperties properties) {
    AwsProjectDirectory directory = AwsProjectDirectory.read(properties.projects());
    log.info("AWS backend: {} projects from {}, region {}{}", directory.size(), properties.projects().toAbsolutePath(),
        properties.region(), properties.endpoint() == null ? "" : ", endpoint " + properties.endpoint());
    return directory;
  }

  @Bean
  public Ec2RecoveryPointCatalog ec2RecoveryPointCatalog(AwsProjectDirectory projects, AwsClients clients,
                                                         AwsBackendProperties properties) {
    return new Ec2RecoveryPointCatalog(projects, clients, properties.tags(), properties.cacheTtl());
  }

  @Bean
  public AwsRecoveryRetrieval awsRecoveryRetrieval(AwsBackendProperties properties, AwsDrillProperties drill,
                                                   AwsClients clients,
                                                   AwsProjectDirectory projects, Clock clock,
                                                   Environment environment) {
    // The tickets' setting: a dump link never outlives the retrieved data (the recovery layer knows no tickets).
    Duration retrievedDataExpiry = Binder.get(environment)
        .bind("snapdesk.tickets.retrieved-data-expiry", Duration.class).orElse(Duration.ofDays(7));
    return AwsRecoveryRetrieval.create(properties, drill, clients, () -> projects.regions(clients), clock,
        retrievedDataExpiry, VolumeCleanup.Pause.SLEEP);
  }
}
