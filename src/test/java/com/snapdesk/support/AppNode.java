package com.snapdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Snapdesk as operators run it: {@code java -jar} of the packaged artifact in its own process, with the
 * environment variables and arguments an operator would set. Its output goes to {@code log} for the reader of a
 * failing test.
 */
public final class AppNode implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;
  private final long startedNanos = System.nanoTime();

  private AppNode(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The repackaged jar that {@code package} wrote (not the {@code .original}); fails when there is none. */
  public static Path packagedJar() {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("snapdesk-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "No target/snapdesk-*.jar: run the ITs with ./mvnw verify, which packages first"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Builder jar(Path jar) {
    return new Builder(List.of("-jar", jar.toAbsolutePath().toString()));
  }

  /**
   * A requested date for the packaged app, which runs on the real clock with the demo inventory generated around
   * it (tests in one JVM pin the clock instead): inside retention whenever the test runs.
   */
  public static String daysAgo(int days) {
    return java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).minusDays(days).toString();
  }

  public static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static final class Builder {
    private final List<String> launch;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private Path workDir = Path.of("target");

    private Builder(List<String> launch) {
      this.launch = launch;
    }

    public Builder env(String name, Object value) {
      environment.put(name, String.valueOf(value));
      return this;
    }

    /**
     * The {@code postgres} profile on a database as the README's "Run in production" names it: connection and
     * administrator from environment variables only.
     */
    public Builder onPostgres(int port, String database, String user, String password, String adminPassword) {
      return env("SPRING_PROFILES_ACTIVE", "postgres").env("SNAPDESK_DB_HOST", "localhost")
          .env("SNAPDESK_DB_PORT", port).env("SNAPDESK_DB_NAME", database).env("SNAPDESK_DB_USER", user)
          .env("SNAPDESK_DB_PASSWORD", password).env("SNAPDESK_ADMIN_PASSWORD", adminPassword);
    }

    /** The embedded server's own superuser database, for tests that do not need a role of their own. */
    public Builder onPostgres(int port, String adminPassword) {
      return onPostgres(port, "postgres", "postgres", "postgres", adminPassword);
    }

    public Builder smtp(int port) {
      return env("SPRING_MAIL_HOST", "127.0.0.1").env("SPRING_MAIL_PORT", port);
    }

    /** Rate limits high enough for a test that submits many tickets from one address for one contact. */
    public Builder generousRateLimits() {
      return env("SNAPDESK_RATELIMITS_PERADDRESS_SUBMISSIONS", 100_000).env("SNAPDESK_RATELIMITS_PERADDRESS_REPLIES", 100_000)
          .env("SNAPDESK_RATELIMITS_PERADDRESS_VERIFICATIONS", 100_000)
          .env("SNAPDESK_RATELIMITS_PERRECIPIENT_SUBMISSIONS", 100_000);
    }

    public Builder arg(String argument) {
      arguments.add(argument);
      return this;
    }

    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    public AppNode start() {
      try {
        Files.createDirectories(workDir);
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(launch);
        command.addAll(arguments);
        Path log = workDir.resolve("app-" + port + ".log");
        var builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        // nothing of the test JVM's Spring or Camunda settings leaks in
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SNAPDESK_"));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        return new AppNode(builder.start(), log, port);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code /actuator/health/readiness} answers UP; returns the time since start. */
  public Duration awaitReady(Duration timeout) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The app exited with " + process.exitValue() + " before it was ready:\n" + tail());
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new IllegalStateException("Not ready within " + timeout + ":\n" + tail());
  }

  /** Waits for the process to end by itself (a refused start-up) and returns its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Still running after " + timeout + ":\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Resident memory in KiB, from /proc (Linux). */
  public long residentKib() {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
          .findFirst().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  public String tail() {
    String all = output();
    return all.length() > 6000 ? "…" + all.substring(all.length() - 6000) : all;
  }

  /** SIGKILL, as a crashed machine or an OOM killer would. */
  public void kill() {
    process.destroyForcibly();
    awaitQuietly();
  }

  /** SIGTERM, a graceful stop. */
  @Override
  public void close() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    awaitQuietly();
  }

  private void awaitQuietly() {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
