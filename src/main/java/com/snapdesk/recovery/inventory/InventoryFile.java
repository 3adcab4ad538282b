package com.snapdesk.recovery.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RecoveryPoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes the inventory JSON (docs/inventory.md). Reading is strict, because a typo in a
 * hand-written file would otherwise silently hide recovery points: unknown fields, unknown values
 * and inconsistent references are errors naming the file and the JSON path (and line when known).
 * {@code recoveryPoints} may be omitted (a projects-only file); {@code storageTier} defaults to
 * {@code standard}.
 */
public final class InventoryFile {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private InventoryFile() {}

  public static Inventory read(Path file) {
    InventoryJson json;
    try {
      json = MAPPER.readValue(file.toFile(), InventoryJson.class);
    } catch (JsonProcessingException e) {
      throw new InventoryFileException(file, describe(e), e);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new InventoryFileException(file, "file not found", e);
    } catch (IOException e) {
      throw new InventoryFileException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    if (json == null) throw new InventoryFileException(file, "file is empty", null);
    Inventory inventory;
    try {
      inventory = toDomain(json);
    } catch (BadValue e) {
      throw new InventoryFileException(file, e.getMessage(), null);
    }
    List<String> problems = inventory.problems();
    if (!problems.isEmpty()) throw new InventoryFileException(file, String.join("; ", problems), null);
    return inventory;
  }

  /** Writes the inventory in the same format, atomically replacing the file. */
  public static void write(Inventory inventory, Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".inventory-", ".json.tmp");
      try (Writer writer = Files.newBufferedWriter(tmp)) {
        MAPPER.writeValue(writer, toJson(inventory));
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new InventoryFileException(file, "cannot be written (" + e.getMessage() + ")", e);
    }
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
      return m.getOriginalMessage().startsWith("No content") ? "file is empty"
          : "expected a JSON object with \"projects\" (and optionally \"recoveryPoints\")";
    }
    StringBuilder where = new StringBuilder();
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      where.append("line ").append(e.getLocation().getLineNr())
          .append(", column ").append(e.getLocation().getColumnNr());
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      if (!where.isEmpty()) where.append(", ");
      where.append(jsonPath(m.getPath()));
    }
    String what = e instanceof UnrecognizedPropertyException u
        ? "unknown field '" + u.getPropertyName() + "'"
        : e.getOriginalMessage();
    return (where.isEmpty() ? "" : where + ": ") + what;
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) sb.append('.');
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  // --- mapping -------------------------------------------------------------------------------

  private static Inventory toDomain(InventoryJson json) {
    if (json.projects() == null) throw new BadValue("projects: missing (a list of projects is required)");
    List<Project> projects = new ArrayList<>();
    for (int i = 0; i < json.projects().size(); i++) projects.add(project(json.projects().get(i), "projects[" + i + "]"));
    List<RecoveryPoint> points = new ArrayList<>();
    List<PointJson> pointJsons = json.recoveryPoints() == null ? List.of() : json.recoveryPoints();
    for (int i = 0; i < pointJsons.size(); i++) points.add(point(pointJsons.get(i), "recoveryPoints[" + i + "]"));
    return new Inventory(projects, points);
  }

  private static Project project(ProjectJson p, String at) {
    if (p == null) throw new BadValue(at + ": null instead of a project");
    Map<Environment, Project.EnvironmentInfo> environments = new EnumMap<>(Environment.class);
    Map<String, EnvironmentJson> envJson = required(p.environments(), at + ".environments");
    envJson.forEach((key, e) -> {
      Environment env = enumValue(key, at + ".environments", Environment::parse, "production, staging, integration");
      EnvironmentJson info = e == null ? new EnvironmentJson(null, null, null) : e;
      Project.FirstNode node = info.firstNode() == null ? null
          : new Project.FirstNode(required(info.firstNode().instanceId(), at + ".environments." + key + ".firstNode.instanceId"),
                                  info.firstNode().availabilityZone());
      environments.put(env, new Project.EnvironmentInfo(info.clusterId(), info.region(), node));
    });
    List<String> contacts = required(p.contacts(), at + ".contacts");
    for (int i = 0; i < contacts.size(); i++) requiredText(contacts.get(i), at + ".contacts[" + i + "]");
    return new Project(requiredText(p.id(), at + ".id"), requiredText(p.name(), at + ".name"),
        enumValue(p.plan(), at + ".plan", Plan::parse, "pro, starter"), contacts, environments);
  }

  private static RecoveryPoint point(PointJson p, String at) {
    if (p == null) throw new BadValue(at + ": null instead of a recovery point");
    String createdAt = requiredText(p.createdAt(), at + ".createdAt");
    Instant created;
    try {
      created = Instant.parse(createdAt);
    } catch (DateTimeParseException e) {
      throw new BadValue(at + ".createdAt: '" + createdAt + "' is not an ISO-8601 instant like 2026-11-25T14:00:00Z");
    }
    List<String> snapshots = required(p.snapshotIds(), at + ".snapshotIds");
    for (int i = 0; i < snapshots.size(); i++) requiredText(snapshots.get(i), at + ".snapshotIds[" + i + "]");
    return new RecoveryPoint(
        requiredText(p.id(), at + ".id"),
        requiredText(p.projectId(), at + ".projectId"),
        enumValue(p.environment(), at + ".environment", Environment::parse, "production, staging, integration"),
        created,
        enumValue(p.type(), at + ".type", v -> lowerEnum(RecoveryPoint.Type.class, v), "automatic, manual"),
        enumValue(p.state(), at + ".state", v -> lowerEnum(RecoveryPoint.State.class, v), "pending, completed, error"),
        p.storageTier() == null ? RecoveryPoint.StorageTier.STANDARD
            : enumValue(p.storageTier(), at + ".storageTier", v -> lowerEnum(RecoveryPoint.StorageTier.class, v), "standard, archive"),
        snapshots);
  }

  private static <E extends Enum<E>> Optional<E> lowerEnum(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) if (e.name().toLowerCase(Locale.ROOT).equals(value)) return Optional.of(e);
    return Optional.empty();
  }

  private static <T> T enumValue(String value, String at, Function<String, Optional<T>> parse, String allowed) {
    requiredText(value, at);
    return parse.apply(value).orElseThrow(() -> new BadValue(at + ": '" + value + "' is not one of " + allowed));
  }

  private static <T> T required(T value, String at) {
    if (value == null) throw new BadValue(at + ": missing");
    return value;
  }

  private static String requiredText(String value, String at) {
    if (value == null || value.isBlank()) throw new BadValue(at + ": missing");
    return value;
  }

  private static InventoryJson toJson(Inventory inventory) {
    List<ProjectJson> projects = inventory.projects().stream().map(p -> {
      Map<String, EnvironmentJson> envs = new LinkedHashMap<>();
      for (Environment env : Environment.values()) {
        p.environment(env).ifPresent(info -> envs.put(env.id(), new EnvironmentJson(info.clusterId(), info.region(),
            info.firstNode() == null ? null
                : new FirstNodeJson(info.firstNode().instanceId(), info.firstNode().availabilityZone()))));
      }
      return new ProjectJson(p.id(), p.name(), p.plan().id(), p.contacts(), envs);
    }).toList();
    List<PointJson> points = inventory.recoveryPoints().stream().map(rp -> new PointJson(rp.id(), rp.projectId(),
        rp.environment().id(), rp.createdAt().toString(), lower(rp.type()), lower(rp.state()),
        lower(rp.storageTier()), rp.snapshotIds())).toList();
    return new InventoryJson(projects, points);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static final class BadValue extends RuntimeException {
    BadValue(String message) {
      super(message, null, false, false);
    }
  }

  // The file format, field for field; kept apart from the domain so the format can be read as-is.
  record InventoryJson(List<ProjectJson> projects, List<PointJson> recoveryPoints) {}

  record ProjectJson(String id, String name, String plan, List<String> contacts,
                     Map<String, EnvironmentJson> environments) {}

  record EnvironmentJson(String clusterId, String region, FirstNodeJson firstNode) {}

  record FirstNodeJson(String instanceId, String availabilityZone) {}

  record PointJson(String id, String projectId, String environment, String createdAt, String type, String state,
                   String storageTier, List<String> snapshotIds) {}
}
