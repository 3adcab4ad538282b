package com.snapdesk.recovery.aws;

import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalProgress;
import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Database-dump downloads: where the backup pipeline also writes a database dump to S3, the dump of the chosen point
 * is copied to a delivery folder for the recovery. The retrieval result carries it as {@code s3://bucket/key} with no
 * node, which the app shows as a download through its own URL; only when a customer follows that URL is a presigned
 * GET link made, valid for minutes. Cleanup deletes the delivered copy, which ends any link still around.
 */
final class DumpLinks {

  /** SigV4 presigned URLs cannot live longer. */
  static final Duration S3_LONGEST_LINK = Duration.ofDays(7);
  static final String S3_SCHEME = "s3://";
  private static final DateTimeFormatter BASIC_INSTANT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Logger log = LoggerFactory.getLogger(DumpLinks.class);

  private final AwsClients clients;
  private final String bucket;
  private final String keyPattern;
  private final String deliveryPrefix;
  private final Duration linkValidity;
  private final Clock clock;

  /** @param retrievedDataExpiry how long retrieved data stays available: the link never outlives it */
  DumpLinks(AwsClients clients, AwsBackendProperties properties, Duration retrievedDataExpiry, Clock clock) {
    this.clients = clients;
    this.bucket = properties.dumpBucket();
    this.keyPattern = properties.dumpKeyPattern();
    this.deliveryPrefix = properties.deliveryPrefix();
    this.linkValidity = retrievedDataExpiry.compareTo(S3_LONGEST_LINK) < 0 ? retrievedDataExpiry : S3_LONGEST_LINK;
    this.clock = clock;
  }

  Duration linkValidity() {
    return linkValidity;
  }

  /** The point's dump as a link; empty when the pipeline wrote no dump for it (then the volumes are mounted). */
  Optional<RetrievalProgress> deliver(RetrievalRequest request) {
    S3Client s3 = clients.s3();
    String source = sourceKey(request.project().id(), request.environment().id(), request.point());
    String target = deliveryFolder(request.recoveryId()) + fileName(source);
    if (!exists(s3, target)) {
      if (!exists(s3, source)) {
        log.info("No database dump s3://{}/{} for recovery point {}; mounting its volumes instead", bucket, source,
            request.point().id());
        return Optional.empty();
      }
      s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey(target)
          .metadataDirective(MetadataDirective.REPLACE)
          .contentType(source.endsWith(".gz") ? "application/gzip" : "application/octet-stream")
          .contentDisposition("attachment; filename=\"" + fileName(source) + "\"")
          .metadata(Map.of("snapdesk-ticket", request.ticketId(), "snapdesk-recovery", request.recoveryId(),
              "snapdesk-recovery-point", request.point().id())));
      log.info("Delivered s3://{}/{} for recovery {} as {}", bucket, source, request.recoveryId(), target);
    }
    return Optional.of(RetrievalProgress.ready(S3_SCHEME + bucket + "/" + target, null, null, clock.instant()));
  }

  /** A presigned GET for a delivered copy (never for anything else in the bucket). */
  Optional<URI> link(String location, Duration validity) {
    if (location == null || !location.startsWith(S3_SCHEME + bucket + "/" + deliveryPrefix)) return Optional.empty();
    String key = location.substring((S3_SCHEME + bucket + "/").length());
    Duration signed = validity.compareTo(linkValidity) < 0 ? validity : linkValidity;
    return Optional.of(URI.create(clients.presigner().presignGetObject(p -> p.signatureDuration(signed)
        .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString()));
  }

  /** Deletes everything delivered for the recovery; nothing there is fine. */
  void cleanup(String recoveryId) {
    S3Client s3 = clients.s3();
    String folder = deliveryFolder(recoveryId);
    for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder)).contents()) {
      s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
      log.info("Deleted delivered dump s3://{}/{}", bucket, o.key());
    }
  }

  String sourceKey(String projectId, String environment, RecoveryPoint point) {
    return keyPattern.replace("{project}", projectId).replace("{environment}", environment)
        .replace("{recoveryPoint}", point.id()).replace("{createdAt}", BASIC_INSTANT.format(point.createdAt()));
  }

  String deliveryFolder(String recoveryId) {
    return deliveryPrefix + recoveryId + "/";
  }

  private static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  private boolean exists(S3Client s3, String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) return false;
      throw e;
    }
  }
}
