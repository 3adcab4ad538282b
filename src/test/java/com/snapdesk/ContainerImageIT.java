package com.snapdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile against the jar {@code package} built, without a Docker engine (none runs on the build machines)
 * and without hadolint: the Dockerfile is read instruction by instruction, its build stage's extraction
 * ({@code java -Djarmode=tools ... extract}) is performed on the real {@code target/snapdesk-*.jar}, and every
 * {@code COPY} is replayed into a directory per stage. What an image build would fail on, or an image would
 * miss at start, fails here instead. Runs after {@code package} (failsafe), no Spring context.
 */
class ContainerImageIT {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path DOCKERFILE = PROJECT.resolve("Dockerfile");

  @TempDir static Path work;

  private static List<Stage> stages;

  /** One {@code FROM} section; {@code root} stands for its file system, container paths map below it. */
  record Stage(String name, Path root, List<Instruction> instructions) {
    Path map(String containerPath, String workdir) {
      String absolute = containerPath.startsWith("/") ? containerPath : workdir + "/" + containerPath;
      return root.resolve(absolute.replaceFirst("^/+", "")).normalize();
    }
  }

  record Instruction(String keyword, String arguments) {}

  @BeforeAll
  static void buildTheStagesAsDockerWould() throws Exception {
    stages = parse(Files.readString(DOCKERFILE));
    for (Stage stage : stages) replay(stage);
  }

  @Test
  void theBuildStageCopiesExactlyThePackagedJar() throws Exception {
    Stage build = stages.get(0);
    List<Copy> hostCopies = copies(build).stream().filter(c -> c.from() == null).toList();
    assertThat(hostCopies).as("the build stage copies the jar from the host").isNotEmpty();
    for (Copy copy : hostCopies) {
      for (String source : copy.sources()) {
        List<Path> matches = hostMatches(source);
        assertThat(matches).as("COPY %s: exactly one file after ./mvnw package (docker refuses several for one"
            + " file destination)", source).hasSize(1);
        assertThat(Files.size(matches.get(0))).as(source).isPositive();
      }
    }
  }

  @Test
  void everyLayerTheExtractionWritesIsCopiedAndEveryCopiedLayerExists() throws Exception {
    Stage build = stages.get(0);
    Stage runtime = stages.get(stages.size() - 1);
    List<Copy> layerCopies = copies(runtime).stream().filter(c -> c.from() != null).toList();
    assertThat(layerCopies).as("the runtime stage copies the layers from the build stage").isNotEmpty();

    List<Path> copied = new ArrayList<>();
    for (Copy copy : layerCopies) {
      assertThat(copy.from()).isEqualTo(build.name());
      for (String source : copy.sources()) {
        Path dir = build.map(source, "/");
        assertThat(dir).as("COPY --from=%s %s", copy.from(), source).isDirectory();
        copied.add(dir);
      }
    }
    Path extracted = copied.get(0).getParent();
    try (Stream<Path> layers = Files.list(extracted)) {
      assertThat(copied).as("each layer folder of %s, in the layers' order", extracted)
          .containsExactlyInAnyOrderElementsOf(layers.toList());
    }
    // Spring Boot's own order: what changes least first. The loader and snapshot layers are empty in this
    // layout (no launcher extracted, no SNAPSHOT dependencies) and still copied, for when they are not.
    assertThat(copied.stream().map(p -> p.getFileName().toString()).toList())
        .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    for (String filled : List.of("dependencies", "application")) {
      try (Stream<Path> files = Files.walk(extracted.resolve(filled))) {
        assertThat(files.filter(Files::isRegularFile).count()).as("files in layer " + filled).isPositive();
      }
    }
  }

  @Test
  void theEntrypointJarAndEveryJarOnItsClassPathAreInTheImage() throws Exception {
    Stage runtime = stages.get(stages.size() - 1);
    List<String> entrypoint = entrypoint(runtime);
    assertThat(entrypoint).as("ENTRYPOINT").startsWith("java").contains("-jar");
    String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
    Path jarFile = runtime.map(jar, workdir(runtime));
    assertThat(jarFile).as("the ENTRYPOINT's jar %s in the merged layers", jar).isRegularFile();

    try (JarFile jarOnDisk = new JarFile(jarFile.toFile())) {
      var manifest = jarOnDisk.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Main-Class")).isEqualTo("com.snapdesk.SnapdeskApplication");
      String classPath = manifest.getValue("Class-Path");
      assertThat(classPath).as("Class-Path of %s", jar).isNotBlank();
      List<String> missing = Arrays.stream(classPath.trim().split("\\s+"))
          .filter(entry -> !Files.isRegularFile(jarFile.getParent().resolve(entry))).toList();
      assertThat(missing).as("Class-Path entries missing from the image").isEmpty();
    }
  }

  @Test
  void theRuntimeStageRunsAsAnUnprivilegedUserAndKeepsItsDataInAVolume() {
    Stage runtime = stages.get(stages.size() - 1);
    List<String> users = runtime.instructions().stream().filter(i -> i.keyword().equals("USER"))
        .map(Instruction::arguments).toList();
    assertThat(users).as("USER in the runtime stage").isNotEmpty();
    String user = users.get(users.size() - 1).split(":")[0].trim();
    assertThat(user).as("the runtime user").isNotIn("root", "0", "");
    assertThat(runtime.instructions()).as("a volume for the embedded database, outbox and recovery folder")
        .anyMatch(i -> i.keyword().equals("VOLUME") && i.arguments().contains("/app/data"));
    assertThat(runtime.instructions()).anyMatch(i -> i.keyword().equals("EXPOSE") && i.arguments().equals("8080"));
  }

  @Test
  void theComposeStackBuildsThisDockerfileAndTheBuildContextKeepsTheJar() throws Exception {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(PROJECT.resolve("docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    Object build = ((Map<?, ?>) ((Map<?, ?>) compose.get("services")).get("snapdesk")).get("build");
    String context = build instanceof Map<?, ?> m ? String.valueOf(m.get("context")) : String.valueOf(build);
    String dockerfile = build instanceof Map<?, ?> m && m.get("dockerfile") != null
        ? String.valueOf(m.get("dockerfile")) : "Dockerfile";
    assertThat(PROJECT.resolve(context).resolve(dockerfile).normalize()).as("services.snapdesk.build")
        .isEqualTo(DOCKERFILE);

    List<String> ignore = Files.readAllLines(PROJECT.resolve(".dockerignore")).stream().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    if (ignore.contains("*")) { // everything out, then the jar back in
      for (Copy copy : copies(stages.get(0))) {
        if (copy.from() != null) continue;
        for (String source : copy.sources()) {
          assertThat(ignore).as(".dockerignore lets %s into the build context", source).contains("!" + source);
        }
      }
    }
  }

  // --- the Dockerfile, read and replayed ------------------------------------------------------------

  record Copy(String from, List<String> sources, String destination) {}

  private static List<Stage> parse(String dockerfile) {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : dockerfile.split("\n")) {
      String l = line.strip();
      if (current.isEmpty() && (l.isEmpty() || l.startsWith("#"))) continue;
      if (l.startsWith("#")) continue; // a comment inside a continued instruction
      if (l.endsWith("\\")) {
        current.append(l, 0, l.length() - 1).append(' ');
      } else {
        logical.add(current.append(l).toString().strip());
        current.setLength(0);
      }
    }
    List<Stage> result = new ArrayList<>();
    Pattern from = Pattern.compile("(?i)FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");
    for (String instruction : logical) {
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase();
      String arguments = parts.length > 1 ? parts[1].strip() : "";
      if (keyword.equals("FROM")) {
        Matcher m = from.matcher(instruction);
        assertThat(m.matches()).as(instruction).isTrue();
        assertThat(m.group(1)).as("base image").isEqualTo("eclipse-temurin:17-jre");
        String name = m.group(2) != null ? m.group(2) : "stage" + result.size();
        result.add(new Stage(name, work.resolve(name), new ArrayList<>()));
      } else {
        assertThat(result).as("an instruction before FROM: " + instruction).isNotEmpty();
        result.get(result.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    assertThat(result).as("a build stage and a runtime stage").hasSizeGreaterThanOrEqualTo(2);
    return result;
  }

  private static void replay(Stage stage) throws Exception {
    String workdir = "/";
    Files.createDirectories(stage.root());
    boolean extracted = false;
    for (Instruction i : stage.instructions()) {
      switch (i.keyword()) {
        case "WORKDIR" -> {
          workdir = i.arguments().startsWith("/") ? i.arguments() : workdir + "/" + i.arguments();
          Files.createDirectories(stage.map(workdir, "/"));
        }
        case "COPY" -> copy(stage, parseCopy(i.arguments()), workdir);
        case "RUN" -> {
          if (i.arguments().startsWith("java ") && i.arguments().contains("-Djarmode=tools")) {
            run(i.arguments(), stage.map(workdir, "/"));
            extracted = true;
          }
          // other RUN lines (users, folders) need the base image; the assertions check their effect instead
        }
        default -> { }
      }
    }
    if (stage == stages.get(0)) assertThat(extracted).as("the build stage extracts the jar's layers").isTrue();
  }

  private static Copy parseCopy(String arguments) {
    List<String> words = new ArrayList<>(Arrays.asList(arguments.split("\\s+")));
    String from = null;
    while (words.get(0).startsWith("--")) {
      String option = words.remove(0);
      if (option.startsWith("--from=")) from = option.substring("--from=".length());
    }
    String destination = words.remove(words.size() - 1);
    return new Copy(from, List.copyOf(words), destination);
  }

  private static List<Copy> copies(Stage stage) {
    return stage.instructions().stream().filter(i -> i.keyword().equals("COPY"))
        .map(i -> parseCopy(i.arguments())).toList();
  }

  private static void copy(Stage stage, Copy copy, String workdir) throws IOException {
    Path destination = stage.map(copy.destination(), workdir);
    boolean intoDirectory = copy.destination().endsWith("/") || copy.destination().equals(".");
    for (String source : copy.sources()) {
      List<Path> matches;
      if (copy.from() == null) {
        matches = hostMatches(source);
      } else {
        Stage from = stages.stream().filter(s -> s.name().equals(copy.from())).findFirst().orElseThrow(
            () -> new AssertionError("COPY --from=" + copy.from() + ": no such stage"));
        Path path = from.map(source, "/");
        matches = Files.exists(path) ? List.of(path) : List.of();
      }
      assertThat(matches).as("COPY source %s%s", copy.from() == null ? "" : "--from=" + copy.from() + " ", source)
          .isNotEmpty();
      for (Path match : matches) {
        if (Files.isDirectory(match)) {
          copyTree(match, destination); // docker copies a directory's contents, not the directory
        } else {
          Path target = intoDirectory ? destination.resolve(match.getFileName().toString()) : destination;
          Files.createDirectories(target.getParent());
          Files.copy(match, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(target);
        else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** A host path of the build context, glob allowed in the file name (as docker matches it). */
  private static List<Path> hostMatches(String source) throws IOException {
    Path pattern = PROJECT.resolve(source).normalize();
    Path dir = pattern.getParent();
    if (!Files.isDirectory(dir)) return List.of();
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> matcher.matches(f.getFileName())).sorted().toList();
    }
  }

  private static void run(String shellForm, Path directory) throws Exception {
    assertThat(shellForm).as("a plain command, no shell syntax to replay").doesNotContainPattern("[|&;<>$`]");
    List<String> command = new ArrayList<>(Arrays.asList(shellForm.split("\\s+")));
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("extraction finished").isTrue();
    assertThat(process.exitValue()).as("RUN %s%n%s", shellForm, output).isZero();
  }

  private static List<String> entrypoint(Stage stage) throws IOException {
    List<Instruction> entrypoints = stage.instructions().stream().filter(i -> i.keyword().equals("ENTRYPOINT"))
        .toList();
    assertThat(entrypoints).as("ENTRYPOINT in the runtime stage").isNotEmpty();
    String json = entrypoints.get(entrypoints.size() - 1).arguments();
    assertThat(json).as("exec form, so the JVM is PID 1 and gets SIGTERM").startsWith("[");
    return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
  }

  private static String workdir(Stage stage) {
    String workdir = "/";
    for (Instruction i : stage.instructions()) {
      if (i.keyword().equals("WORKDIR")) {
        workdir = i.arguments().startsWith("/") ? i.arguments() : workdir + "/" + i.arguments();
      }
    }
    return workdir;
  }
}
