package com.snapdesk.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.support.AppNode;
import com.snapdesk.support.MailMessages;
import com.snapdesk.support.Requester;
import com.snapdesk.support.SnapdeskTestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A harness, not a test: intake throughput on PostgreSQL against a bare Camunda process of the same transaction
 * shape in the same engine, on one node and on two. It starts an embedded PostgreSQL and GreenMail, then the packaged
 * jar ({@code target/snapdesk-*.jar}) as node a, and deploys {@code load-benchmark-bare.bpmn} (three async service
 * tasks writing one variable each, then a user task) over engine REST. Each round sends N requests from C client
 * threads and waits until every instance stands at its wait state:
 * <ul>
 *   <li><b>app</b>: {@code POST /api/tickets} until {@code Task_AwaitVerification} (eligibility, resolution and the
 *   verification email, three async jobs);</li>
 *   <li><b>bare</b>: {@code POST /engine-rest/process-definition/key/LoadBenchmarkBare/start} (as admin) until its
 *   user task;</li>
 *   <li><b>verify</b> (once, on one node): the requesters confirm with the token from their email until
 *   {@code Task_ReviewRequest}.</li>
 * </ul>
 * Throughput counts from the first POST to the last instance's arrival at the wait state (from the engine's history,
 * not from polling). Commits are PostgreSQL's {@code xact_commit} for the database over the round, less the idle rate
 * and the harness's own polls, per instance. Then node b starts on the same database and the app and bare rounds
 * run again with the clients spread over both nodes. Build the jar, then run from the project folder:
 * <pre>
 * ./mvnw -o -B -DskipTests package
 * ./mvnw -o -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     com.snapdesk.process.IntakeLoadBenchmark [tickets=300] [clients=16] [rounds=2]
 * </pre>
 * {@code -Dbenchmark.jfr=true} records a JFR file per node ({@code target/load-benchmark/<node>/node.jfr});
 * {@code -Dbenchmark.nodes=1} skips the second node. Rate limits: the API has none of its own today; pass generous
 * ones as environment variables in {@link #startNode} if that changes.
 * <p>Measured on the 2-core development machine while other builds ran (load average 12 to 15), 300 per round from 16
 * clients, two rounds: intake 13.6 and 20.0 tickets/s, POST p99 1418 and 633 ms, about 7 commits per ticket; bare
 * 51.8 and 39.6/s, p99 619 and 803 ms (0.37 of the bare throughput, p99 1.44 of its); on two nodes sharing the same
 * two cores 10.6/s against 15.8/s: no gain, the CPU is the bottleneck. Figures per run vary by half with the
 * machine's other work; compare ratios within one run. docs/operations.md, "Capacity", has the table.
 */
public final class IntakeLoadBenchmark {

  static final Path WORK = Path.of("target/load-benchmark");
  static final Path BARE_MODEL = Path.of("src/benchmark/resources/com/snapdesk/process/load-benchmark-bare.bpmn");
  static final String ADMIN_PASSWORD = "bench-" + System.nanoTime();
  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  static final ObjectMapper json = new ObjectMapper();
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  record Result(String name, int nodes, int count, double seconds, long p50Micros, long p99Micros, long maxMicros,
                double commitsPerInstance, String load) {
    double perSecond() {
      return count / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int maxNodes = Integer.getInteger("benchmark.nodes", 2);
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK);

    List<Result> results = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      smtp.start();
      DataSource db = postgres.getPostgresDatabase();
      List<AppNode> nodes = new ArrayList<>();
      try {
        nodes.add(startNode("desk-a", postgres, smtp));
        deployBare(nodes.get(0));
        Bench bench = new Bench(db, smtp);
        System.out.println("warm-up (JIT, connection pools): " + Math.max(20, tickets / 5) + " of each");
        bench.app(nodes, Math.max(20, tickets / 5), clients, "warm-up");
        bench.bare(nodes, Math.max(20, tickets / 5), clients, "warm-up");
        for (int round = 1; round <= rounds; round++) {
          // alternating, so a burst of other work on the machine does not fall on one side only
          results.add(bench.app(nodes, tickets, clients, "app"));
          results.add(bench.bare(nodes, tickets, clients, "bare"));
        }
        results.add(bench.verify(nodes.get(0), tickets, clients));
        if (maxNodes > 1) {
          nodes.add(startNode("desk-b", postgres, smtp));
          bench.app(nodes, Math.max(20, tickets / 5), clients, "warm-up");
          bench.bare(nodes, Math.max(20, tickets / 5), clients, "warm-up");
          for (int round = 1; round <= rounds; round++) {
            results.add(bench.app(nodes, tickets, clients, "app"));
            results.add(bench.bare(nodes, tickets, clients, "bare"));
          }
        }
      } finally {
        for (AppNode node : nodes) node.close();
        smtp.stop();
      }
    }
    report(results, tickets, clients);
  }

  static AppNode startNode(String id, EmbeddedPostgres postgres, GreenMail smtp) {
    var builder = AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve(id))
        .onPostgres(postgres.getPort(), ADMIN_PASSWORD).smtp(smtp.getSmtp().getPort()).env("SNAPDESK_NODE_ID", id)
        .env("LOGGING_LEVEL_COM_SNAPDESK", "WARN")
        // hundreds of tickets for the demo's one contact from one address; two local-backend nodes share the folders
        .generousRateLimits().env("SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES", "true");
    if (Boolean.getBoolean("benchmark.jfr")) {
      // AppNode passes no JVM options of its own beyond -Xmx; the JVM reads this variable at start
      builder.env("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=256"
          + " -XX:StartFlightRecording=filename=node.jfr,settings=profile,dumponexit=true");
    }
    AppNode node = builder.start();
    Duration ready = node.awaitReady(Duration.ofMinutes(5));
    System.out.printf("node %s ready after %.1f s at %s%n", id, ready.toMillis() / 1e3, node.baseUrl());
    return node;
  }

  static void deployBare(AppNode node) throws Exception {
    String boundary = "----snapdesk-bench";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nload-benchmark\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nbenchmark\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"load-benchmark-bare.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + Files.readString(BARE_MODEL) + "\r\n--" + boundary + "--\r\n";
    var response = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/engine-rest/deployment/create"))
        .header("Authorization", ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IllegalStateException("deployment refused: " + response.body());
  }

  /** One measured burst: the POSTs, their latencies, the arrival at the wait state, the commits. */
  static final class Bench {
    private final DataSource db;
    private final GreenMail smtp;
    private List<String> lastTickets = List.of();

    Bench(DataSource db, GreenMail smtp) {
      this.db = db;
      this.smtp = smtp;
    }

    Result app(List<AppNode> nodes, int count, int clients, String name) throws Exception {
      String reason = name + "-" + System.nanoTime();
      Result result = burst(name, nodes.size(), count, clients,
          i -> post(nodes.get(i % nodes.size()).baseUrl() + "/api/tickets", null, ticketBody(reason + "-" + i)),
          "select count(*), max(a.start_time_) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
              + " where a.act_id_ = 'Task_AwaitVerification' and p.start_time_ >= ?");
      if (!name.equals("warm-up")) lastTickets = ticketsSince(reason);
      return result;
    }

    Result bare(List<AppNode> nodes, int count, int clients, String name) throws Exception {
      return burst(name, nodes.size(), count, clients,
          i -> post(nodes.get(i % nodes.size()).baseUrl() + "/engine-rest/process-definition/key/LoadBenchmarkBare/start",
              ADMIN, "{\"businessKey\":\"bare-" + System.nanoTime() + "-" + i
                  + "\",\"variables\":{\"ticketId\":{\"value\":\"BARE-" + i + "\",\"type\":\"String\"}}}"),
          "select count(*), max(a.start_time_) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
              + " where a.act_id_ = 'Task_BareReview' and p.start_time_ >= ?");
    }

    /** The requesters of the last app round confirm, with the tokens from their emails, until review. */
    Result verify(AppNode node, int count, int clients) throws Exception {
      List<MailMessages.Mail> mails = Arrays.stream(smtp.getReceivedMessages()).map(MailMessages::read)
          .filter(m -> m.subject().contains(Requester.VERIFICATION_SUBJECT)).toList();
      Map<String, String> tokens = lastTickets.stream().limit(count)
          .collect(Collectors.toMap(id -> id, id -> Requester.token(mails, id).orElseThrow()));
      List<String> ids = List.copyOf(tokens.keySet());
      return burst("verify", 1, ids.size(), clients, i -> {
            String id = ids.get(i);
            return post(node.baseUrl() + "/api/tickets/" + id + "/verify", "Bearer " + tokens.get(id), null);
          },
          "select count(*), max(a.start_time_) from act_hi_actinst a where a.act_id_ = 'Task_ReviewRequest'"
              + " and a.start_time_ >= ?");
    }

    private Result burst(String name, int nodeCount, int count, int clients, IntFunction<Integer> call,
                         String arrivedSql) throws Exception {
      Thread.sleep(1500); // PostgreSQL publishes a backend's counters up to a second after its commits
      double idlePerSecond = idleCommitRate();
      long commitsBefore = commits();
      java.time.Instant startedAt = java.time.Instant.now();
      String load = loadAverage();
      // Camunda writes history in the JVM's zone as timestamp without time zone, as this parameter is sent
      Timestamp since = new Timestamp(System.currentTimeMillis());
      long[] micros = new long[count];
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            long t0 = System.nanoTime();
            int status = call.apply(i);
            micros[i] = (System.nanoTime() - t0) / 1000;
            if (status != 202 && status != 200) throw new IllegalStateException(name + " answered " + status);
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get();
      pool.shutdown();
      int polls = 0;
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      Timestamp last;
      while (true) {
        polls++;
        Object[] arrived = queryRow(arrivedSql, since);
        if (((Number) arrived[0]).intValue() >= count) {
          last = (Timestamp) arrived[1];
          break;
        }
        if (System.nanoTime() > deadline) throw new IllegalStateException(name + ": only " + arrived[0] + " arrived");
        Thread.sleep(200);
      }
      double seconds = (last.getTime() - since.getTime()) / 1e3;
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      Thread.sleep(1500);
      long raw = commits() - commitsBefore;
      // less the harness's polls and counter reads, and what the nodes commit when idle (job acquisition, schedules)
      long commits = raw - polls - 2 - Math.round(idlePerSecond * (wallSeconds + 1.5));
      Arrays.sort(micros);
      Result r = new Result(name, nodeCount, count, seconds, micros[(count - 1) / 2], micros[(int) Math.ceil(count * 0.99) - 1],
          micros[count - 1], (double) commits / count, load);
      System.out.printf("%-8s %d node(s): %4d in %6.2f s = %6.1f/s, POST p50 %5.1f ms p99 %6.1f ms max %6.1f ms,"
              + " %5.1f commits each, load %s%n", name, nodeCount, count, seconds, r.perSecond(), r.p50Micros / 1e3,
          r.p99Micros / 1e3, r.maxMicros / 1e3, r.commitsPerInstance, load);
      System.out.printf("         %s to %s (for windowing a JFR recording), %d commits in all, %.1f/s when idle%n",
          startedAt, java.time.Instant.now(), raw, idlePerSecond);
      return r;
    }

    /** Commits per second with nothing submitted: the job acquisition and the nodes' schedules. */
    private double idleCommitRate() throws Exception {
      long before = commits();
      Thread.sleep(3000);
      return (commits() - before - 1) / 3.0;
    }

    private long commits() throws Exception {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    private List<String> ticketsSince(String reason) throws Exception {
      List<String> ids = new ArrayList<>();
      try (Connection c = db.getConnection();
           var s = c.prepareStatement("select id from ticket where reason like ? order by created_at")) {
        s.setString(1, reason + "-%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) ids.add(rs.getString(1));
        }
      }
      return ids;
    }

    private Object[] queryRow(String sql, Timestamp parameter) throws Exception {
      try (Connection c = db.getConnection(); var s = c.prepareStatement(sql)) {
        if (parameter != null) s.setTimestamp(1, parameter);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          Object[] row = new Object[rs.getMetaData().getColumnCount()];
          for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
          return row;
        }
      }
    }
  }

  static String ticketBody(String reason) {
    try {
      return json.writeValueAsString(SnapdeskTestData.request().environment("staging")
          .at(AppNode.daysAgo(3), "14:30").with("reason", reason).fields());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int post(String url, String authorization, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json")
          .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (authorization != null) request.header("Authorization", authorization);
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(url, e);
    }
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  static void report(List<Result> results, int tickets, int clients) {
    System.out.printf("%nIntake load benchmark: %d per round from %d clients, PostgreSQL (embedded), %d cores%n",
        tickets, clients, Runtime.getRuntime().availableProcessors());
    System.out.println("round    nodes  per s   POST p50  POST p99   commits/instance  load (1/5/15 min at start)");
    for (Result r : results) {
      System.out.printf("%-8s %5d %6.1f %8.1f ms %7.1f ms %8.1f            %s%n", r.name(), r.nodes(), r.perSecond(),
          r.p50Micros() / 1e3, r.p99Micros() / 1e3, r.commitsPerInstance(), r.load());
    }
    for (int nodes = 1; nodes <= 2; nodes++) {
      int n = nodes;
      var app = results.stream().filter(r -> r.nodes() == n && r.name().equals("app")).toList();
      var bare = results.stream().filter(r -> r.nodes() == n && r.name().equals("bare")).toList();
      if (app.isEmpty() || bare.isEmpty()) continue;
      System.out.printf("%d node(s): app/bare throughput %.2f (goal >= 0.8), POST p99 app/bare %.2f (goal <= 1.5)%n",
          n, median(app.stream().mapToDouble(Result::perSecond).toArray())
              / median(bare.stream().mapToDouble(Result::perSecond).toArray()),
          median(app.stream().mapToDouble(r -> r.p99Micros()).toArray())
              / median(bare.stream().mapToDouble(r -> r.p99Micros()).toArray()));
    }
    double one = median(results.stream().filter(r -> r.nodes() == 1 && r.name().equals("app"))
        .mapToDouble(Result::perSecond).toArray());
    double two = median(results.stream().filter(r -> r.nodes() == 2 && r.name().equals("app"))
        .mapToDouble(Result::perSecond).toArray());
    if (two > 0) System.out.printf("two nodes / one node (app): %.2f (goal >= 1.5)%n", two / one);
  }

  static double median(double[] values) {
    if (values.length == 0) return 0;
    Arrays.sort(values);
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }
}
