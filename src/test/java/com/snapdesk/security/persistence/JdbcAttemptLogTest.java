package com.snapdesk.security.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snapdesk.security.RateLimitProperties;
import com.snapdesk.security.RateLimiter;
import com.snapdesk.shared.TooManyRequestsException;
import com.snapdesk.shared.TooManyRequestsException.Action;
import com.snapdesk.shared.TooManyRequestsException.CountedBy;
import com.snapdesk.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The rate limits on the attempt log of V8 (H2 here, PostgreSQL in JdbcAttemptLogPostgresIT; RateLimitsClusterIT
 * runs two nodes): sliding
 * windows, each kind counted apart, and two limiters on one database — two nodes — sharing one count.
 */
class JdbcAttemptLogTest {

  private final DataSource db = open();
  private final JdbcClient jdbc = JdbcClient.create(db);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final RateLimitProperties limits = new RateLimitProperties(
      new RateLimitProperties.PerAddress(Duration.ofMinutes(15), 3, 2, 2),
      new RateLimitProperties.PerRecipient(Duration.ofHours(1), 5));

  /** A migrated database of its own for each test: H2 here, PostgreSQL in {@link JdbcAttemptLogPostgresIT}. */
  DataSource open() {
    var h2 = new DriverManagerDataSource("jdbc:h2:mem:rate-limits-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
    try (var connection = h2.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V8__rate_limits.sql"));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return h2;
  }

  @AfterEach
  void dropDatabase() {
    close(jdbc);
  }

  void close(JdbcClient jdbc) {
    jdbc.sql("shutdown").update();
  }

  /** A node: its own limiter and log, on the shared database. */
  private RateLimiter node() {
    return new RateLimiter(new JdbcAttemptLog(jdbc, new DataSourceTransactionManager(db)), limits, clock);
  }

  @Test
  void refusesTheAttemptAfterTheLimitAndSaysHowLongToWait() {
    RateLimiter limiter = node();
    // given three submissions from one address, five minutes apart
    for (int i = 0; i < 3; i++) {
      limiter.fromAddress(Action.SUBMISSION, "203.0.113.7");
      clock.advance(Duration.ofMinutes(5));
    }

    // when a fourth follows (15 minutes after the first)... the first has just left the window
    assertThatCode(() -> limiter.fromAddress(Action.SUBMISSION, "203.0.113.7")).doesNotThrowAnyException();

    // then a fifth right away is one too many: wait until the second leaves the window (5 minutes)
    var refused = catchThrowableOfType(TooManyRequestsException.class,
        () -> limiter.fromAddress(Action.SUBMISSION, "203.0.113.7"));
    assertThat(refused.limit()).isEqualTo(3);
    assertThat(refused.countedBy()).isEqualTo(CountedBy.ADDRESS);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void countsEachAddressAndEachKindOfActionSeparately() {
    RateLimiter limiter = node();
    // given one address that used up its replies
    limiter.fromAddress(Action.REPLY, "203.0.113.7");
    limiter.fromAddress(Action.REPLY, "203.0.113.7");
    assertThat(catchThrowableOfType(TooManyRequestsException.class,
        () -> limiter.fromAddress(Action.REPLY, "203.0.113.7"))).isNotNull();

    // then it may still submit and verify, and another address may still reply
    assertThatCode(() -> limiter.fromAddress(Action.SUBMISSION, "203.0.113.7")).doesNotThrowAnyException();
    assertThatCode(() -> limiter.fromAddress(Action.VERIFICATION, "203.0.113.7")).doesNotThrowAnyException();
    assertThatCode(() -> limiter.fromAddress(Action.REPLY, "198.51.100.1")).doesNotThrowAnyException();
  }

  @Test
  void aRecipientIsCountedAcrossNodesWhateverTheCaseOfTheTypedAddress() {
    // given two nodes on one database
    RateLimiter a = node();
    RateLimiter b = node();

    // when requests for one address, typed differently, alternate between them
    for (int i = 0; i < 5; i++) (i % 2 == 0 ? a : b).forRecipient(i % 2 == 0 ? "Ops@Acme.example " : "ops@acme.example");

    // then the sixth is refused on either node, for the rest of the hour since the first
    clock.advance(Duration.ofMinutes(20));
    var refused = catchThrowableOfType(TooManyRequestsException.class, () -> b.forRecipient("OPS@ACME.EXAMPLE"));
    assertThat(refused.countedBy()).isEqualTo(CountedBy.RECIPIENT);
    assertThat(refused.limit()).isEqualTo(5);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(40));
    assertThat(catchThrowableOfType(TooManyRequestsException.class, () -> a.forRecipient("ops@acme.example")))
        .isNotNull();
    // and another address is not affected, nor a blank one counted
    assertThatCode(() -> a.forRecipient("dev@acme.example")).doesNotThrowAnyException();
    assertThatCode(() -> a.forRecipient(" ")).doesNotThrowAnyException();
  }

  @Test
  void nodesAttemptingAtTheSameMomentLetThroughNoMoreThanTheLimit() throws Exception {
    // given two nodes and twelve simultaneous requests for one new address
    RateLimiter a = node();
    RateLimiter b = node();
    var pool = Executors.newFixedThreadPool(6);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      RateLimiter node = i % 2 == 0 ? a : b;
      outcomes.add(pool.submit((Callable<Boolean>) () -> {
        try {
          node.forRecipient("race@acme.example");
          return true;
        } catch (TooManyRequestsException e) {
          return false;
        }
      }));
    }
    int accepted = 0;
    for (var outcome : outcomes) if (outcome.get()) accepted++;
    pool.shutdown();

    // then exactly five get through
    assertThat(accepted).isEqualTo(5);
  }

  @Test
  void attemptsThatLeftTheWindowNoLongerCountBeforeTheCleanupRemovesThem() {
    // given a key with as many attempts as its limit, and no cleanup since
    var log = new JdbcAttemptLog(jdbc, new DataSourceTransactionManager(db));
    Instant start = clock.instant();
    for (int i = 0; i < 3; i++) assertThat(log.record("k", 3, Duration.ofMinutes(15), start)).isEmpty();
    assertThat(log.record("k", 3, Duration.ofMinutes(15), start.plusSeconds(60))).contains(start);

    // when the window has passed them
    var later = log.record("k", 3, Duration.ofMinutes(15), start.plus(Duration.ofMinutes(15)));

    // then the next attempt is allowed, while the old rows are still there for the periodic cleanup
    assertThat(later).isEmpty();
    assertThat(jdbc.sql("select count(*) from rate_limit_attempt").query(Integer.class).single()).isEqualTo(4);
  }

  @Test
  void theLogHoldsHashesAndForgetsOldAttempts() {
    RateLimiter limiter = node();
    // given an attempt, then more than every window later another one (which cleans up on the way)
    limiter.fromAddress(Action.SUBMISSION, "203.0.113.7");
    clock.advance(Duration.ofHours(2));
    limiter.forRecipient("ops@acme.example");

    // then only the new attempt is kept, and neither address appears in clear
    assertThat(jdbc.sql("select count(*) from rate_limit_attempt").query(Integer.class).single()).isOne();
    assertThat(jdbc.sql("select count(*) from rate_limit_key").query(Integer.class).single()).isOne();
    assertThat(jdbc.sql("select key_hash from rate_limit_key").query(String.class).single())
        .matches("[0-9a-f]{64}");
  }
}
