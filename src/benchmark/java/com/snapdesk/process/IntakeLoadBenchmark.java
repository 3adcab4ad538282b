package com.snapdesk.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.snapdesk.demo.DemoInventory;
import com.snapdesk.project.Project;
import com.snapdesk.recovery.RetentionPolicy;
import com.snapdesk.recovery.inventory.Inventory;
import com.snapdesk.recovery.inventory.InventoryFile;
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
import java.time.Clock;
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
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A harness, not a test: intake throughput on PostgreSQL against a bare Camunda process of the same transaction
 * shape in the same engine, on one node and on two. It starts an embedded PostgreSQL and an SMTP server, then the packaged
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
 * ./mvnw -B -DskipTests package
 * ./mvnw -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     com.snapdesk.process.IntakeLoadBenchmark [tickets=300] [clients=16] [rounds=6]
 * </pre>
 * Each node is warmed up until its JIT compilers are nearly done ({@link Bench#warmUp}); the load comes from many
 * customers under the product's own rate limits ({@link #writeInventory}); app and bare rounds run in ABBA order
 * ({@link Bench#rounds}).
 * {@code -Dbenchmark.jfr=true} records a JFR file per node ({@code target/load-benchmark/<node>/node.jfr});
 * {@code -Dbenchmark.nodes=1} skips the second node; {@code -Dbenchmark.jfc=<file>} records with other JFR settings;
 * {@code -Dbenchmark.warmups=N} caps the warm-up pairs (12). {@code -Dbenchmark.rows=true} prints the rows written per
 * table and instance (it waits 11 s around each round for PostgreSQL's table counters);
 * {@code -Dbenchmark.statements=true} the statements that cost PostgreSQL most ({@code pg_stat_statements});
 * {@code -Dbenchmark.env=NAME=value;NAME=value} sets environment variables of the nodes, as an operator would (to
 * try a setting); {@code -Dbenchmark.smtp=greenmail} receives mail with GreenMail instead of {@link SmtpSink}. Every round prints the
 * CPU per instance of the nodes (and of their JIT compiler threads), PostgreSQL and this JVM, and the share of the
 * machine's CPU time the host took (steal).
 * <p>Measured on the 2-core development machine, 300 per round from 16 clients, six rounds of each after the warm-up
 * ({@code 300 16 6}, 2026-12-04): intake 68.2 tickets/s (median) against the bare 81.9 (0.83; adjacent pairs 0.60 to
 * 1.00, median 0.86), POST p99 0.86 of the bare one's; about 30 ms of CPU per ticket against 25 for a bare instance;
 * on two nodes 0.87 of the bare process, and two nodes on the same two cores 0.99 of one. The eight runs of the same
 * intake path without a flight recording measured 0.77 to 0.86 on one node (mean 0.81). docs/operations.md,
 * "Capacity", has the table and what the difference consists of.
 */
public final class IntakeLoadBenchmark {

  static final Path WORK = Path.of("target/load-benchmark");
  static final boolean STATEMENTS = Boolean.getBoolean("benchmark.statements");
  static final double JIT_QUIET_MS = 0.5;
  static final Path BARE_MODEL = Path.of("src/benchmark/resources/com/snapdesk/process/load-benchmark-bare.bpmn");
  static final String ADMIN_PASSWORD = "bench-" + System.nanoTime();
  static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  static final ObjectMapper json = new ObjectMapper();
  static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  record Result(String name, int nodes, int count, double seconds, long p50Micros, long p99Micros, long maxMicros,
                double commitsPerInstance, String load, Cpu cpuPerInstance, double stolenPercent) {
    double perSecond() {
      return count / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
    int maxNodes = Integer.getInteger("benchmark.nodes", 2);
    int warmUps = Integer.getInteger("benchmark.warmups", 12);
    FileSystemUtils.deleteRecursively(WORK);
    Files.createDirectories(WORK);

    int submissions = tickets * (warmUps + rounds) * (maxNodes > 1 ? 2 : 1);
    contacts = writeInventory(submissions / (PER_RECIPIENT_LIMIT - 1) + 1);
    List<Result> results = new ArrayList<>();
    var server = EmbeddedPostgres.builder();
    if (STATEMENTS) server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    try (EmbeddedPostgres postgres = server.start()) {
      Mailbox smtp = Mailbox.start(System.getProperty("benchmark.smtp", "sink"));
      DataSource db = postgres.getPostgresDatabase();
      if (STATEMENTS) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
          s.execute("create extension if not exists pg_stat_statements");
        }
      }
      List<AppNode> nodes = new ArrayList<>();
      try {
        nodes.add(startNode("desk-a", postgres, smtp));
        deployBare(nodes.get(0));
        Bench bench = new Bench(db, smtp);
        bench.nodePids.add(nodes.get(0).pid());
        bench.warmUp(nodes, tickets, clients, warmUps);
        results.addAll(bench.rounds(nodes, tickets, clients, rounds));
        results.add(bench.verify(nodes.get(0), tickets, clients));
        if (maxNodes > 1) {
          nodes.add(startNode("desk-b", postgres, smtp));
          bench.nodePids.add(nodes.get(1).pid());
          bench.warmUp(nodes, tickets, clients, warmUps); // node b starts as cold as node a did
          results.addAll(bench.rounds(nodes, tickets, clients, rounds));
        }
      } finally {
        for (AppNode node : nodes) node.close();
        smtp.close();
      }
    }
    report(results, tickets, clients);
  }

  /** Where the nodes send mail: {@link SmtpSink} by default, GreenMail with {@code -Dbenchmark.smtp=greenmail}. */
  interface Mailbox extends AutoCloseable {
    int port();

    List<MailMessages.Mail> mails();

    @Override
    void close() throws Exception;

    static Mailbox start(String kind) throws Exception {
      if (kind.equals("greenmail")) {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return new Mailbox() {
          public int port() {
            return greenMail.getSmtp().getPort();
          }

          public List<MailMessages.Mail> mails() {
            return Arrays.stream(greenMail.getReceivedMessages()).map(MailMessages::read).toList();
          }

          public void close() {
            greenMail.stop();
          }
        };
      }
      SmtpSink sink = new SmtpSink();
      return new Mailbox() {
        public int port() {
          return sink.port();
        }

        public List<MailMessages.Mail> mails() {
          return sink.mails();
        }

        public void close() throws Exception {
          sink.close();
        }
      };
    }
  }

  /** The product's default: so many verification emails to one address an hour. */
  static final int PER_RECIPIENT_LIMIT = 5;
  static final AtomicInteger submissionsSent = new AtomicInteger();
  static final AtomicInteger clientAddresses = new AtomicInteger();
  static List<String> contacts = List.of();

  /**
   * The load comes from many customers, as in production, and the nodes run with the product's rate limits: every
   * request has a client address of its own (X-Forwarded-For, as from the load balancer) and Acme gets enough
   * contacts that none of them submits more than {@code PER_RECIPIENT_LIMIT - 1} times in the run. One contact sending
   * thousands of requests from one address, with the limits raised out of the way, had every check read that one
   * key's thousands of attempts: a cost that grew through the run and that no production limit allows.
   */
  static List<String> writeInventory(int count) throws Exception {
    Inventory demo = new DemoInventory(RetentionPolicy.defaults(), Clock.systemUTC()).generate();
    List<String> emails = IntStream.range(0, count).mapToObj(i -> "ops-" + i + "@acme.example").toList();
    List<Project> projects = demo.projects().stream().map(p -> !p.id().equals(DemoInventory.ACME) ? p
        : new Project(p.id(), p.name(), p.plan(), emails, p.environments())).toList();
    InventoryFile.write(new Inventory(projects, demo.recoveryPoints()), WORK.resolve("inventory.json"));
    return emails;
  }

  static AppNode startNode(String id, EmbeddedPostgres postgres, Mailbox smtp) {
    var builder = AppNode.jar(AppNode.packagedJar()).workDir(WORK.resolve(id))
        .onPostgres(postgres.getPort(), ADMIN_PASSWORD).smtp(smtp.port()).env("SNAPDESK_NODE_ID", id)
        .env("LOGGING_LEVEL_COM_SNAPDESK", "WARN")
        .env("SNAPDESK_LOCAL_INVENTORY", WORK.resolve("inventory.json").toAbsolutePath())
        // two local-backend nodes share the folders and the inventory
        .env("SNAPDESK_LOCAL_ALLOW_SEVERAL_NODES", "true");
    for (String pair : System.getProperty("benchmark.env", "").split(";")) {
      if (!pair.isBlank()) builder.env(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    if (Boolean.getBoolean("benchmark.jfr")) {
      // AppNode passes no JVM options of its own beyond -Xmx; the JVM reads this variable at start
      builder.env("JAVA_TOOL_OPTIONS", "-XX:FlightRecorderOptions:stackdepth=256"
          + " -XX:StartFlightRecording=filename=node.jfr,settings=" + System.getProperty("benchmark.jfc", "profile")
          + ",dumponexit=true");
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
    private final Mailbox smtp;
    private List<String> lastTickets = List.of();
    final List<Long> nodePids = new ArrayList<>();
    private final long postmasterPid;

    Bench(DataSource db, Mailbox smtp) {
      this.db = db;
      this.smtp = smtp;
      this.postmasterPid = postmasterPid(db);
    }

    private static long postmasterPid(DataSource db) {
      try (Connection c = db.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("show data_directory")) {
        rs.next();
        return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).strip());
      } catch (Exception e) {
        throw new IllegalStateException("cannot find the PostgreSQL server's process", e);
      }
    }

    /**
     * Warm-up rounds of both kinds until the JIT compilers are done with them: HotSpot keeps compiling a node of this
     * size for thousands of instances, on the same two cores, and measured too early a round paid up to a third of
     * its node CPU to the compiler threads, the app (more of its code on each path) more than the bare process. At
     * least two pairs; at most {@code max}; done when a pair costs the compilers less than {@code JIT_QUIET_MS} each.
     */
    void warmUp(List<AppNode> nodes, int count, int clients, int max) throws Exception {
      for (int i = 1; i <= max; i++) {
        double app = app(nodes, count, clients, "warm-up").cpuPerInstance().jit();
        double bare = bare(nodes, count, clients, "warm-up").cpuPerInstance().jit();
        System.out.printf("warm-up %d: JIT compiler %.2f ms per ticket, %.2f per bare instance%n", i, app, bare);
        if (i >= 2 && app < JIT_QUIET_MS && bare < JIT_QUIET_MS) return;
      }
      System.out.printf("warm-up: the JIT compilers were still busy after %d pairs of rounds%n", max);
    }

    /**
     * App and bare in pairs, the order swapped each round (app, bare, bare, app, ...): the nodes keep getting faster
     * for a while after the warm-up (JIT, caches) and slower as the tables fill, and alternating without swapping
     * gave every such trend to the side that always ran second. A burst of other work falls on both sides alike.
     */
    List<Result> rounds(List<AppNode> nodes, int count, int clients, int rounds) throws Exception {
      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        if (round % 2 == 1) {
          results.add(app(nodes, count, clients, "app"));
          results.add(bare(nodes, count, clients, "bare"));
        } else {
          results.add(bare(nodes, count, clients, "bare"));
          results.add(app(nodes, count, clients, "app"));
        }
      }
      return results;
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
      List<MailMessages.Mail> mails = smtp.mails().stream()
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
      boolean rows = Boolean.getBoolean("benchmark.rows");
      // PostgreSQL publishes a backend's counters up to a second after its commits, an idle one's table
      // counters up to 10 s after its last transaction
      Thread.sleep(rows ? 11_000 : 1500);
      Map<String, long[]> rowsBefore = rows ? rowCounts() : Map.of();
      if (STATEMENTS) execute("select pg_stat_statements_reset()");
      double idlePerSecond = idleCommitRate();
      long commitsBefore = commits();
      Cpu cpuBefore = Cpu.now(nodePids, postmasterPid);
      long[] machineBefore = Cpu.machine();
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
        // The arrival time comes from history, so polling more often would not sharpen it: each poll reads the
        // round's history rows (more of them per ticket than per bare instance) on the cores being measured.
        Thread.sleep(500);
      }
      double seconds = (last.getTime() - since.getTime()) / 1e3;
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      Cpu cpu = Cpu.now(nodePids, postmasterPid).minus(cpuBefore).per(count);
      double stolen = Cpu.stolenPercent(machineBefore, Cpu.machine());
      Thread.sleep(1500);
      long raw = commits() - commitsBefore;
      // less the harness's polls and counter reads, and what the nodes commit when idle (job acquisition, schedules)
      long commits = raw - polls - 2 - Math.round(idlePerSecond * (wallSeconds + 1.5));
      Arrays.sort(micros);
      Result r = new Result(name, nodeCount, count, seconds, micros[(count - 1) / 2], micros[(int) Math.ceil(count * 0.99) - 1],
          micros[count - 1], (double) commits / count, load, cpu, stolen);
      System.out.printf("%-8s %d node(s): %4d in %6.2f s = %6.1f/s, POST p50 %5.1f ms p99 %6.1f ms max %6.1f ms,"
              + " %5.1f commits each, load %s%n", name, nodeCount, count, seconds, r.perSecond(), r.p50Micros / 1e3,
          r.p99Micros / 1e3, r.maxMicros / 1e3, r.commitsPerInstance, load);
      if (rows) {
        Thread.sleep(11_000);
        printRowWrites(rowsBefore, rowCounts(), count);
      }
      if (STATEMENTS) printStatements(count);
      System.out.printf("         CPU per instance: nodes %.1f ms (JIT compiler %.1f), PostgreSQL %.1f ms, harness (clients,"
          + " SMTP server) %.1f ms; %.1f %% of the machine's CPU time taken by the host (steal)%n", cpu.nodes(), cpu.jit(),
          cpu.postgres(), cpu.harness(), stolen);
      System.out.printf("         %s to %s (for windowing a JFR recording), %d commits in all, %.1f/s when idle%n",
          startedAt, java.time.Instant.now(), raw, idlePerSecond);
      return r;
    }

    private void execute(String sql) throws Exception {
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }

    /** The statements that cost PostgreSQL the most over the round, per instance (with the harness's own polls). */
    private void printStatements(int count) throws Exception {
      System.out.println("         statements per instance (calls, ms, rows; by time):");
      try (Connection c = db.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("select calls, total_exec_time, rows, query from pg_stat_statements"
               + " order by total_exec_time desc limit 25")) {
        while (rs.next()) {
          String query = rs.getString(4).replaceAll("\\s+", " ").strip();
          System.out.printf("           %5.2f %6.3f %6.2f  %s%n", rs.getLong(1) / (double) count,
              rs.getDouble(2) / count, rs.getLong(3) / (double) count,
              query.length() > 150 ? query.substring(0, 150) + "…" : query);
        }
      }
    }

    /** Rows inserted, updated and deleted and index/sequential scans per table, as PostgreSQL counts them. */
    private Map<String, long[]> rowCounts() throws Exception {
      Map<String, long[]> counts = new java.util.TreeMap<>();
      try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
        s.execute("select pg_stat_clear_snapshot()");
        try (ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del,"
            + " coalesce(idx_scan, 0) + coalesce(seq_scan, 0) from pg_stat_user_tables")) {
          while (rs.next()) {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
          }
        }
      }
      return counts;
    }

    private static void printRowWrites(Map<String, long[]> before, Map<String, long[]> after, int count) {
      StringBuilder line = new StringBuilder("         rows per instance (insert/update/delete/scans):");
      double writes = 0;
      for (var e : after.entrySet()) {
        long[] b = before.getOrDefault(e.getKey(), new long[4]);
        long[] a = e.getValue();
        double ins = (a[0] - b[0]) / (double) count, upd = (a[1] - b[1]) / (double) count;
        double del = (a[2] - b[2]) / (double) count, scans = (a[3] - b[3]) / (double) count;
        writes += ins + upd + del;
        if (ins + upd + del + scans >= 0.5) {
          line.append(String.format("%n           %-28s %5.1f %5.1f %5.1f %6.1f", e.getKey(), ins, upd, del, scans));
        }
      }
      System.out.println(line.append(String.format("%n           %-28s %5.1f", "all writes", writes)));
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

  /**
   * CPU time (user + system, ms) of the nodes, of the rest of this JVM's child processes (PostgreSQL's server and its
   * backends) and of this JVM (the HTTP clients, the SMTP server and the polls), from /proc: on a shared 2-core machine it
   * says which side a slower round spent its time on. {@code jit} is the part of {@code nodes} spent by the JVMs' JIT
   * compiler threads.
   */
  record Cpu(double nodes, double jit, double postgres, double harness) {
    static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    static Cpu now(List<Long> nodePids, long postmasterPid) {
      double nodes = nodePids.stream().mapToDouble(pid -> ticks(pid, false)).sum();
      double jit = nodePids.stream().mapToDouble(Cpu::compilerTicks).sum();
      // pg_ctl detaches the server from this JVM: its backends are the postmaster's children, and the time of
      // those that exited during the round is in the postmaster's cutime/cstime
      double postgres = ticks(postmasterPid, true) + ProcessHandle.of(postmasterPid).stream()
          .flatMap(ProcessHandle::descendants).mapToDouble(p -> ticks(p.pid(), false)).sum();
      return new Cpu(nodes, jit, postgres, ticks(ProcessHandle.current().pid(), false));
    }

    /** HotSpot names its JIT threads "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 characters). */
    private static double compilerTicks(long pid) {
      try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        return threads.mapToDouble(task -> {
          try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.contains("CompilerThre")) return 0;
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
          } catch (Exception gone) {
            return 0;
          }
        }).sum();
      } catch (Exception gone) {
        return 0;
      }
    }

    private static double ticks(long pid, boolean withExitedChildren) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is f[0], so utime (14th) is f[11], stime f[12], cutime f[13], cstime f[14]
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withExitedChildren) t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return t * TICK_MS;
      } catch (Exception gone) {
        return 0;
      }
    }

    /** The machine's CPU time so far, {total, steal}, in ticks (/proc/stat's first line). */
    static long[] machine() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) total += Long.parseLong(f[i]); // user … steal; guests are in user
        return new long[] {total, f.length > 8 ? Long.parseLong(f[8]) : 0};
      } catch (Exception e) {
        return new long[] {0, 0};
      }
    }

    /**
     * On a virtual machine, the share of its CPU time the hypervisor gave to other guests: a round that lost more
     * than the others ran on a slower machine, whichever side it measured.
     */
    static double stolenPercent(long[] before, long[] after) {
      long total = after[0] - before[0];
      return total <= 0 ? 0 : 100.0 * (after[1] - before[1]) / total;
    }

    Cpu minus(Cpu o) {
      return new Cpu(nodes - o.nodes, jit - o.jit, postgres - o.postgres, harness - o.harness);
    }

    Cpu per(int count) {
      return new Cpu(nodes / count, jit / count, postgres / count, harness / count);
    }
  }

  static String ticketBody(String reason) {
    try {
      String contact = contacts.get(submissionsSent.getAndIncrement() % contacts.size());
      return json.writeValueAsString(SnapdeskTestData.request().environment("staging")
          .at(AppNode.daysAgo(3), "14:30").with("customerEmail", contact).with("reason", reason).fields());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int post(String url, String authorization, String body) {
    try {
      var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").header("X-Forwarded-For", nextClientAddress())
          .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (authorization != null) request.header("Authorization", authorization);
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(url, e);
    }
  }

  static String nextClientAddress() {
    int i = clientAddresses.incrementAndGet();
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
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
    System.out.println("round    nodes  per s   POST p50  POST p99  commits  CPU ms each: nodes (JIT)  PostgreSQL  harness"
        + "  steal   load (1/5/15 min at start)");
    for (Result r : results) {
      System.out.printf("%-8s %5d %6.1f %8.1f ms %7.1f ms %6.1f %18.1f (%3.1f) %11.1f %8.1f %5.1f%%   %s%n", r.name(),
          r.nodes(), r.perSecond(), r.p50Micros() / 1e3, r.p99Micros() / 1e3, r.commitsPerInstance(),
          r.cpuPerInstance().nodes(), r.cpuPerInstance().jit(), r.cpuPerInstance().postgres(),
          r.cpuPerInstance().harness(), r.stolenPercent(), r.load());
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
      // each app round against the bare round beside it (app, bare | bare, app | ...): the spread says how far one
      // run's figure can be trusted on a machine whose speed varies from round to round
      var measured = results.stream().filter(r -> r.nodes() == n && (r.name().equals("app") || r.name().equals("bare")))
          .toList();
      double[] pairs = IntStream.range(0, measured.size() / 2).mapToDouble(k -> {
        Result first = measured.get(2 * k), second = measured.get(2 * k + 1);
        return first.name().equals("app") ? first.perSecond() / second.perSecond()
            : second.perSecond() / first.perSecond();
      }).toArray();
      System.out.printf("%d node(s): app/bare per pair of adjacent rounds %s (min %.2f, median %.2f, max %.2f)%n", n,
          Arrays.stream(pairs).mapToObj(v -> String.format("%.2f", v)).collect(Collectors.joining(" ")),
          Arrays.stream(pairs).min().orElse(0), median(pairs.clone()), Arrays.stream(pairs).max().orElse(0));
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
