package com.snapdesk.recovery.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The SDK clients, one per region for EC2 and SSM (snapshots, volumes and nodes are regional; an environment's
 * region comes from the projects file) and one S3 client for the dump bucket. Credentials come from the SDK's
 * default provider chain; throttling ({@code RequestLimitExceeded}) and 5xx answers are retried by the SDK.
 */
public class AwsClients implements AutoCloseable {

  private final String defaultRegion;
  private final URI endpoint;
  private final RetryMode retryMode;
  private final Map<String, Ec2Client> ec2 = new ConcurrentHashMap<>();
  private final Map<String, SsmClient> ssm = new ConcurrentHashMap<>();
  private volatile S3Client s3;
  private volatile S3Presigner presigner;

  public AwsClients(AwsBackendProperties properties) {
    this.defaultRegion = properties.region();
    this.endpoint = properties.endpoint();
    this.retryMode = properties.retryMode() == AwsBackendProperties.RetryPolicy.ADAPTIVE
        ? RetryMode.ADAPTIVE_V2 : RetryMode.STANDARD;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /** The region to use for an environment: its own from the projects file, else the configured one. */
  public String regionOr(String region) {
    return region == null || region.isBlank() ? defaultRegion : region;
  }

  public Ec2Client ec2(String region) {
    return ec2.computeIfAbsent(regionOr(region), r -> {
      var builder = Ec2Client.builder().region(Region.of(r)).overrideConfiguration(overrides());
      if (endpoint != null) builder.endpointOverride(endpoint);
      return builder.build();
    });
  }

  public SsmClient ssm(String region) {
    return ssm.computeIfAbsent(regionOr(region), r -> {
      var builder = SsmClient.builder().region(Region.of(r)).overrideConfiguration(overrides());
      if (endpoint != null) builder.endpointOverride(endpoint);
      return builder.build();
    });
  }

  public synchronized S3Client s3() {
    if (s3 == null) {
      // With an endpoint override (LocalStack, S3Mock) bucket names go in the path, not the host name.
      var builder = S3Client.builder().region(Region.of(defaultRegion)).overrideConfiguration(overrides())
          .forcePathStyle(endpoint != null);
      if (endpoint != null) builder.endpointOverride(endpoint);
      s3 = builder.build();
    }
    return s3;
  }

  public synchronized S3Presigner presigner() {
    if (presigner == null) {
      var builder = S3Presigner.builder().region(Region.of(defaultRegion))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint != null).build());
      if (endpoint != null) builder.endpointOverride(endpoint);
      presigner = builder.build();
    }
    return presigner;
  }

  /**
   * Every AWS call, retries included, ends within 20 s (one attempt within 10 s): well below the job lock time
   * (60 s), so a hanging endpoint fails the job, which is retried, rather than another node taking it over.
   */
  private ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder().retryStrategy(retryMode)
        .apiCallAttemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(20)).build();
  }

  @Override
  public synchronized void close() {
    ec2.values().forEach(Ec2Client::close);
    ssm.values().forEach(SsmClient::close);
    if (s3 != null) s3.close();
    if (presigner != null) presigner.close();
  }
}
