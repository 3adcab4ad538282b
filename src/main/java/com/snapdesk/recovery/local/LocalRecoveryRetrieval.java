package com.snapdesk.recovery.local;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The embedded stand-in for attaching volumes: a folder per recovery under the recovery dir with a
 * {@code manifest.json} describing what would be mounted and a README. Customers are told the mount
 * path of docs/api.md ({@code /mnt/recovery-<recoveryId>} on the first node), as with the AWS backend.
 *
 * <p>The folder is assembled under a hidden name and renamed into place, so a present manifest means
 * a finished retrieval; a retried call returns it unchanged.
 */
public final class LocalRecoveryRetrieval implements RecoveryRetrieval {

  static final String MANIFEST = "manifest.json";
  static final String README = "README.txt";
  /** Recovery ids become folder names: nothing that could climb out of the recovery dir. */
  private static final Pattern RECOVERY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path root;
  private final RecoveryPointCatalog catalog;
  private final Clock clock;
  private final Duration archiveRestoreTime;

  public LocalRecoveryRetrieval(Path recoveryDir, RecoveryPointCatalog catalog, Clock clock) {
    this(recoveryDir, catalog, clock, Duration.ZERO);
  }

  /**
   * @param archiveRestoreTime how long an archived point takes to come back (the real archive tier takes
   *     up to 72 h); zero retrieves archived points at once
   */
  public LocalRecoveryRetrieval(Path recoveryDir, RecoveryPointCatalog catalog, Clock clock,
                                Duration archiveRestoreTime) {
    this.root = recoveryDir.toAbsolutePath().normalize();
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.archiveRestoreTime = Objects.requireNonNull(archiveRestoreTime, "archiveRestoreTime");
  }

  /** Where the customer finds the data (docs/api.md); the same for every backend. */
  public static String mountPath(String recoveryId) {
    return "/mnt/recovery-" + recoveryId;
  }

  /** The local folder standing in for the mounted volumes. */
  public Path folder(String recoveryId) {
    Path folder = root.resolve(checkedId(recoveryId)).normalize();
    if (!root.equals(folder.getParent())) throw new IllegalArgumentException("recoveryId escapes the recovery dir");
    return folder;
  }

  @Override
  public synchronized RetrievalProgress retrieve(RetrievalRequest request) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(request.point(), "request.point");
    Path folder = folder(request.recoveryId());
    Path manifestFile = folder.resolve(MANIFEST);
    try {
      if (Files.exists(manifestFile)) return alreadyRetrieved(request, manifestFile);
      RecoveryPoint point = stillUsable(request);
      Instant now = clock.instant();
      if (point.storageTier() == RecoveryPoint.StorageTier.ARCHIVE && !archiveRestored(request.recoveryId(), now)) {
        return RetrievalProgress.restoringFromArchive("Recovery point " + point.id()
            + " is being restored from the archive storage tier; this can take up to 72 hours.");
      }
      RetrievalManifest manifest = new RetrievalManifest(request.recoveryId(), request.ticketId(),
          request.project().id(), request.environment().id(), point.id(), point.createdAt(), point.snapshotIds(),
          request.scope().id(), point.storageTier().name().toLowerCase(Locale.ROOT),
          mountPath(request.recoveryId()), nodeOf(request), now);

      Files.createDirectories(root);
      Path staging = root.resolve("." + request.recoveryId() + ".partial");
      deleteRecursively(staging); // left over from a crash
      deleteRecursively(folder); // a folder without manifest is not a finished retrieval
      Files.createDirectory(staging);
      MAPPER.writeValue(staging.resolve(MANIFEST).toFile(), manifest);
      Files.writeString(staging.resolve(README), readme(request.project(), manifest), StandardCharsets.UTF_8);
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      return manifest.progress();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare recovery folder " + folder, e);
    }
  }

  @Override
  public synchronized void cleanup(String recoveryId) {
    Path folder = folder(recoveryId);
    try {
      deleteRecursively(folder);
      deleteRecursively(root.resolve("." + recoveryId + ".partial"));
      Files.deleteIfExists(archiveMarker(recoveryId));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove recovery folder " + folder, e);
    }
  }

  /** The first call starts the (simulated) archive restore; later calls see whether it has finished. */
  private boolean archiveRestored(String recoveryId, Instant now) throws IOException {
    if (archiveRestoreTime.isZero()) return true;
    Path marker = archiveMarker(recoveryId);
    if (!Files.exists(marker)) {
      Files.createDirectories(root);
      Files.writeString(marker, now.toString(), StandardCharsets.UTF_8);
      return false;
    }
    Instant started = Instant.parse(Files.readString(marker, StandardCharsets.UTF_8).trim());
    return !now.isBefore(started.plus(archiveRestoreTime));
  }

  private Path archiveMarker(String recoveryId) {
    return root.resolve("." + checkedId(recoveryId) + ".archive-restore");
  }

  private RetrievalProgress alreadyRetrieved(RetrievalRequest request, Path manifestFile) throws IOException {
    RetrievalManifest existing = MAPPER.readValue(manifestFile.toFile(), RetrievalManifest.class);
    if (!existing.recoveryPointId().equals(request.point().id()))
      throw new IllegalStateException("Recovery " + request.recoveryId() + " already holds recovery point "
          + existing.recoveryPointId() + ", not " + request.point().id());
    return existing.progress();
  }

  private RecoveryPoint stillUsable(RetrievalRequest request) {
    String id = request.point().id();
    RecoveryPoint current = catalog.find(request.project().id(), request.environment(), id)
        .orElseThrow(() -> new RecoveryPointUnavailableException("Recovery point " + id + " no longer exists for the "
            + request.environment().id() + " environment of project " + request.project().id() + "."));
    if (current.type() != RecoveryPoint.Type.AUTOMATIC)
      throw new RecoveryPointUnavailableException("Recovery point " + id
          + " is a manual snapshot; the customer restores those with magento-cloud snapshot:restore.");
    return switch (current.state()) {
      case COMPLETED -> current;
      case ERROR -> throw new RecoveryPointUnavailableException("Recovery point " + id + " is in error and cannot be retrieved.");
      case PENDING -> throw new RecoveryPointUnavailableException("Recovery point " + id + " is still being taken.");
    };
  }

  private static String nodeOf(RetrievalRequest request) {
    return request.project().environment(request.environment())
        .map(Project.EnvironmentInfo::firstNode)
        .map(Project.FirstNode::instanceId)
        .orElse("first node");
  }

  private static String readme(Project project, RetrievalManifest m) {
    return """
        Snapdesk recovery %s (ticket %s)

        This folder stands in for the volumes that would be attached to the environment's
        first node (%s), where the customer finds the data at %s.

        Project:        %s (%s)
        Environment:    %s
        Recovery point: %s, taken %s
        Storage tier:   %s
        Snapshots:      %s
        Scope:          %s

        The data was retrieved, not restored: nothing in the environment was changed.
        Application code is not part of a recovery point; it comes from git.
        """.formatted(m.recoveryId(), m.ticketId(), m.node(), m.location(), project.id(), project.name(),
        m.environment(), m.recoveryPointId(), m.createdAt(), m.storageTier(), String.join(", ", m.snapshotIds()),
        m.scope());
  }

  private static String checkedId(String recoveryId) {
    if (recoveryId == null || !RECOVERY_ID.matcher(recoveryId).matches())
      throw new IllegalArgumentException("recoveryId must be 1-100 characters of a-z, 0-9 and '-', starting with a letter or digit");
    return recoveryId;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    // walkFileTree does not follow links: a link inside is removed, never what it points to
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
        throw e;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) throw e;
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** What {@code manifest.json} holds; enough to answer a retried call exactly as the first. */
  record RetrievalManifest(String recoveryId, String ticketId, String projectId, String environment,
                           String recoveryPointId, Instant createdAt, List<String> snapshotIds, String scope,
                           String storageTier, String location, String node, Instant retrievedAt) {

    RetrievalProgress progress() {
      return RetrievalProgress.ready(location, node, null, retrievedAt);
    }
  }
}
