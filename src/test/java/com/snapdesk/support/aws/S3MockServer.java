package com.snapdesk.support.aws;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S3Mock's executable jar (copied to target/s3mock by the build) in its own JVM on a free port: a real S3 protocol
 * server for uploads, copies and presigned downloads, without S3Mock's Spring configuration leaking into the test's.
 */
public final class S3MockServer implements AutoCloseable {

  static final Path JAR = Path.of("target/s3mock/s3mock-exec.jar");

  private final Process process;
  private final int port;

  private S3MockServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts S3Mock with these buckets and waits until it answers (a few seconds). */
  public static S3MockServer start(String... buckets) {
    if (!Files.isRegularFile(JAR))
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the build (process-test-resources copies it)");
    int port = freePort();
    try {
      Path root = Files.createDirectories(Path.of("target/s3mock/store-" + port));
      Path log = Path.of("target/s3mock/s3mock-" + port + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
          JAR.toAbsolutePath().toString(),
          "--com.adobe.testing.s3mock.http-port=" + port, "--server.port=0",
          "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets),
          "--com.adobe.testing.s3mock.store.root=" + root.toAbsolutePath()))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      S3MockServer server = new S3MockServer(process, port);
      server.awaitReady(Duration.ofSeconds(90), log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private void awaitReady(Duration timeout, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("S3Mock exited early; see " + log.toAbsolutePath());
      try {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).GET()
            .build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
    throw new IllegalStateException("S3Mock did not answer within " + timeout + "; see " + log.toAbsolutePath());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
