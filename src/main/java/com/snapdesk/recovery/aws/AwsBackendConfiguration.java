package com.snapdesk.recovery.aws;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
  public AwsRecoveryRetrieval awsRecoveryRetrieval(AwsBackendProperties properties, AwsClients clients,
                                                   AwsProjectDirectory projects, Clock clock,
                                                   @Value("${snapdesk.tickets.retrieved-data-expiry:P7D}")
                                                   Duration retrievedDataExpiry) {
    RecoveryVolumes volumes = new RecoveryVolumes(properties.tags());
    SsmMount ssm = new SsmMount();
    VolumeRetrieval retrieval = new VolumeRetrieval(clients, properties, volumes,
        new ArchiveRestore(properties.restoreDays(), clock), ssm, clock);
    VolumeCleanup cleanup = new VolumeCleanup(clients, () -> projects.regions(clients), volumes, ssm,
        properties.mountWithSsm(), properties.cleanupWait(), firstPause(properties.cleanupWait()),
        VolumeCleanup.Pause.SLEEP, System::nanoTime);
    DumpLinks dumps = properties.dumpLinksEnabled()
        ? new DumpLinks(clients, properties, retrievedDataExpiry, clock) : null;
    return new AwsRecoveryRetrieval(retrieval, cleanup, dumps);
  }

  /** Detaching takes seconds: look again after 2 s (less when the whole wait is short), then back off. */
  static Duration firstPause(Duration cleanupWait) {
    Duration tenth = cleanupWait.dividedBy(10);
    if (tenth.compareTo(Duration.ofSeconds(2)) > 0) return Duration.ofSeconds(2);
    return tenth.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : tenth;
  }
}
