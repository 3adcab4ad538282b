package com.snapdesk.recovery.local;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import com.snapdesk.recovery.RecoveryPointCatalog;
import com.snapdesk.recovery.RecoveryPointUnavailableException;
import com.snapdesk.recovery.RecoveryRetrieval;
import com.snapdesk.recovery.RetrievalValidation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
 *
 * <p>Restore drills retrieve into the drill dir instead, never the recovery dir customers' data goes to, and get a
 * stand-in database dump plus {@code SHA256SUMS}, which {@link #validate} checks read-only.
 */
public final class LocalRecoveryRetrieval implements RecoveryRetrieval, RetrievalValidation {

  static final String MANIFEST = "manifest.json";
  static final String README = "README.txt";
  static final String CHECKSUMS = "SHA256SUMS";
  static final String DRILL_DUMP = "database/main.sql.gz";
  /** Recovery ids become folder names: nothing that could climb out of the recovery dir. */
  private static final Pattern RECOVERY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path root;
  private final Path drillRoot;
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
    this(recoveryDir, recoveryDir.toAbsolutePath().normalize().resolveSibling("drills"), catalog, clock,
        archiveRestoreTime);
  }

  /** @param drillDir where restore drills put what they retrieve; apart from customers' data */
  public LocalRecoveryRetrieval(Path recoveryDir, Path drillDir, RecoveryPointCatalog catalog, Clock clock,
                                Duration archiveRestoreTime) {
    this.root = recoveryDir.toAbsolutePath().normalize();
    this.drillRoot = drillDir.toAbsolutePath().normalize();
    if (root.equals(drillRoot)) throw new IllegalArgumentException("the drill dir must not be the recovery dir");
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
    return folder(root, recoveryId);
  }

  /** The local folder standing in for the volumes attached to the drill instance. */
  public Path drillFolder(String recoveryId) {
    return folder(drillRoot, recoveryId);
  }

  private static Path folder(Path root, String recoveryId) {
    Path folder = root.resolve(checkedId(recoveryId)).normalize();
    if (!root.equals(folder.getParent())) throw new IllegalArgumentException("recoveryId escapes the recovery dir");
    return folder;
  }

  private Path rootFor(RetrievalRequest request) {
    return request.target() == Target.DRILL ? drillRoot : root;
  }

  @Override
  public synchronized RetrievalProgress retrieve(RetrievalRequest request) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(request.point(), "request.point");
    Path root = rootFor(request);
    Path folder = folder(root, request.recoveryId());
    Path manifestFile = folder.resolve(MANIFEST);
    try {
      if (Files.exists(manifestFile)) return alreadyRetrieved(request, manifestFile);
      RecoveryPoint point = stillUsable(request);
      Instant now = clock.instant();
      if (point.storageTier() == RecoveryPoint.StorageTier.ARCHIVE
          && !archiveRestored(root, request.recoveryId(), now)) {
        return RetrievalProgress.restoringFromArchive("Recovery point " + point.id()
            + " is being restored from the archive storage tier; this can take up to 72 hours.");
      }
      RetrievalManifest manifest = new RetrievalManifest(request.recoveryId(), request.ticketId(),
          request.project().id(), request.environment().id(), point.id(), point.createdAt(), point.snapshotIds(),
          request.scope().id(), point.storageTier().name().toLowerCase(Locale.ROOT),
          request.target() == Target.DRILL ? folder.toString() : mountPath(request.recoveryId()), nodeOf(request), now);

      Files.createDirectories(root);
      Path staging = root.resolve("." + request.recoveryId() + ".partial");
      deleteRecursively(staging); // left over from a crash
      deleteRecursively(folder); // a folder without manifest is not a finished retrieval
      Files.createDirectory(staging);
      MAPPER.writeValue(staging.resolve(MANIFEST).toFile(), manifest);
      Files.writeString(staging.resolve(README), readme(request.project(), manifest), StandardCharsets.UTF_8);
      if (request.target() == Target.DRILL) writeDrillData(staging, manifest);
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
      return manifest.progress();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare recovery folder " + folder, e);
    }
  }

  @Override
  public synchronized void cleanup(String recoveryId) {
    // the id alone does not say where it went: both places, each safe to clean twice
    for (Path root : List.of(this.root, drillRoot)) {
      Path folder = folder(root, recoveryId);
      try {
        deleteRecursively(folder);
        deleteRecursively(root.resolve("." + recoveryId + ".partial"));
        Files.deleteIfExists(archiveMarker(root, recoveryId));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove recovery folder " + folder, e);
      }
    }
  }

  /**
   * Read-only: the manifest names the requested point, every file in {@code SHA256SUMS} is there with that
   * checksum, and every gzip file decompresses to its end (as {@code gzip -t}).
   */
  @Override
  public Validation validate(RetrievalRequest request) {
    Path folder = folder(rootFor(request), request.recoveryId());
    List<String> checks = new ArrayList<>();
    try {
      Path manifestFile = folder.resolve(MANIFEST);
      if (!Files.isReadable(manifestFile)) return Validation.failed(checks, "No manifest in " + folder + ".");
      RetrievalManifest manifest = MAPPER.readValue(manifestFile.toFile(), RetrievalManifest.class);
      if (!request.point().id().equals(manifest.recoveryPointId()))
        return Validation.failed(checks, "The manifest names recovery point " + manifest.recoveryPointId()
            + ", not " + request.point().id() + ".");
      checks.add("manifest names recovery point " + manifest.recoveryPointId());
      Path sums = folder.resolve(CHECKSUMS);
      if (!Files.isReadable(sums)) return Validation.failed(checks, "No " + CHECKSUMS + " in " + folder + ".");
      for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        String expected = line.substring(0, 64);
        String name = line.substring(66);
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder) || !Files.isReadable(file))
          return Validation.failed(checks, name + " is missing or unreadable.");
        String actual = sha256(file);
        if (!actual.equals(expected))
          return Validation.failed(checks, name + " has checksum " + actual + ", expected " + expected + ".");
        checks.add(name + " readable, checksum matches");
        if (name.endsWith(".gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
          } catch (IOException e) {
            return Validation.failed(checks, name + " is not a valid gzip file: " + e.getMessage());
          }
          checks.add(name + " passes a gzip test");
        }
      }
      return Validation.passed(checks);
    } catch (IOException e) {
      return Validation.failed(checks, "Cannot read " + folder + ": " + e.getMessage());
    }
  }

  /** What a drill finds besides the manifest: a stand-in dump and the checksums of everything. */
  private static void writeDrillData(Path folder, RetrievalManifest manifest) throws IOException {
    Path dump = folder.resolve(DRILL_DUMP);
    Files.createDirectories(dump.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
      out.write(("-- stand-in database dump of recovery point " + manifest.recoveryPointId() + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    StringBuilder sums = new StringBuilder();
    for (String name : List.of(MANIFEST, README, DRILL_DUMP)) {
      sums.append(sha256(folder.resolve(name))).append("  ").append(name).append('\n');
    }
    Files.writeString(folder.resolve(CHECKSUMS), sums, StandardCharsets.UTF_8);
  }

  private static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first call starts the (simulated) archive restore; later calls see whether it has finished. */
  private boolean archiveRestored(Path root, String recoveryId, Instant now) throws IOException {
    if (archiveRestoreTime.isZero()) return true;
    Path marker = archiveMarker(root, recoveryId);
    if (!Files.exists(marker)) {
      Files.createDirectories(root);
      Files.writeString(marker, now.toString(), StandardCharsets.UTF_8);
      return false;
    }
    Instant started = Instant.parse(Files.readString(marker, StandardCharsets.UTF_8).trim());
    return !now.isBefore(started.plus(archiveRestoreTime));
  }

  private static Path archiveMarker(Path root, String recoveryId) {
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
    if (request.target() == Target.DRILL) return "drill location";
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
