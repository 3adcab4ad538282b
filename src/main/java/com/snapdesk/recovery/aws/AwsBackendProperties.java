package com.snapdesk.recovery.aws;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The AWS backend. Bound (and validated) only when {@code snapdesk.backend=aws}, so the embedded default
 * needs none of it.
 *
 * @param region          region of the EC2, SSM and S3 clients; an environment's own {@code region} in the
 *                        projects file wins for its snapshots, volumes and node
 * @param endpoint        one endpoint for every service (LocalStack, tests); unset = AWS
 * @param projects        projects file in the inventory format; its {@code projects} part is read
 * @param kmsKeyId        KMS key for the recovery volumes (id, ARN or alias; an alias works in every region)
 * @param tags            tag keys on the backup snapshots and on the volumes Snapdesk creates
 * @param cacheTtl        how long a listing of one environment's snapshots is reused
 * @param restoreDays     how long an archived snapshot stays temporarily restored (1-180)
 * @param volumeType      EBS type of the recovery volumes
 * @param mountWithSsm    mount the volumes at /mnt/recovery-&lt;recoveryId&gt; through SSM Run Command; otherwise
 *                        the instructions name the attached devices
 * @param cleanupWait     how long one cleanup waits for volumes to detach before leaving the rest to the job's
 *                        next retry
 * @param retryMode       SDK retry mode for throttling and 5xx answers
 * @param dumpBucket      bucket of the database dumps; unset = no download links, database scope is mounted
 * @param dumpKeyPattern  key of a point's dump; placeholders {project}, {environment}, {recoveryPoint}, {createdAt}
 * @param deliveryPrefix  where delivered copies go in the dump bucket, one folder per recovery
 */
@ConfigurationProperties("snapdesk.aws")
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "aws")
@Validated
public record AwsBackendProperties(
    @NotBlank String region,
    URI endpoint,
    @NotNull Path projects,
    @NotBlank String kmsKeyId,
    @NotNull @Valid @DefaultValue Tags tags,
    @NotNull @DefaultValue("PT1M") Duration cacheTtl,
    @Min(1) @Max(180) @DefaultValue("7") int restoreDays,
    @NotBlank @DefaultValue("gp3") String volumeType,
    @DefaultValue("false") boolean mountWithSsm,
    @NotNull @DefaultValue("PT30S") Duration cleanupWait,
    @NotNull @DefaultValue("standard") RetryPolicy retryMode,
    String dumpBucket,
    @NotBlank @DefaultValue("{project}/{environment}/{recoveryPoint}.sql.gz") String dumpKeyPattern,
    @NotBlank @DefaultValue("deliveries/") String deliveryPrefix) {

  static final Set<String> PLACEHOLDERS = Set.of("project", "environment", "recoveryPoint", "createdAt");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  public AwsBackendProperties {
    if (dumpKeyPattern != null) {
      Matcher m = PLACEHOLDER.matcher(dumpKeyPattern);
      while (m.find()) {
        if (!PLACEHOLDERS.contains(m.group(1)))
          throw new IllegalArgumentException("snapdesk.aws.dump-key-pattern: unknown placeholder {" + m.group(1)
              + "}; use {project}, {environment}, {recoveryPoint} or {createdAt}");
      }
    }
    if (deliveryPrefix != null && !deliveryPrefix.isBlank() && !deliveryPrefix.endsWith("/")) deliveryPrefix += "/";
    if (dumpBucket != null && dumpBucket.isBlank()) dumpBucket = null;
    if (cacheTtl != null && cacheTtl.isNegative())
      throw new IllegalArgumentException("snapdesk.aws.cache-ttl must not be negative");
  }

  public boolean dumpLinksEnabled() {
    return dumpBucket != null;
  }

  /**
   * @param project       snapshot tag naming the project
   * @param environment   snapshot tag naming the environment (production, staging)
   * @param recoveryPoint snapshot tag grouping the snapshots taken together into one recovery point
   * @param type          snapshot tag, {@code automatic} or {@code manual}
   * @param ticket        tag Snapdesk puts on the volumes it creates: the ticket id
   * @param recovery      tag Snapdesk puts on the volumes it creates: the recovery id (cleanup finds them by it)
   */
  public record Tags(
      @NotBlank @DefaultValue("snapdesk:project") String project,
      @NotBlank @DefaultValue("snapdesk:environment") String environment,
      @NotBlank @DefaultValue("snapdesk:recovery-point") String recoveryPoint,
      @NotBlank @DefaultValue("snapdesk:type") String type,
      @NotBlank @DefaultValue("snapdesk:ticket") String ticket,
      @NotBlank @DefaultValue("snapdesk:recovery") String recovery) {

    public static Tags defaults() {
      return new Tags("snapdesk:project", "snapdesk:environment", "snapdesk:recovery-point", "snapdesk:type",
          "snapdesk:ticket", "snapdesk:recovery");
    }
  }

  /** The SDK's retry modes for throttling ({@code RequestLimitExceeded}) and 5xx answers. */
  public enum RetryPolicy {
    /** exponential backoff with jitter, 3 attempts */
    STANDARD,
    /** standard plus client-side rate limiting when AWS throttles: kinder to a shared account's API limits */
    ADAPTIVE
  }
}
