package com.snapdesk.security.persistence;

import com.snapdesk.security.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rate limits' attempt log in RATE_LIMIT_KEY and RATE_LIMIT_ATTEMPT (V8). Each check runs in its own short
 * transaction that first updates the key's row, or inserts it if it is new: the row lock makes the nodes take turns on
 * one key, so two of them cannot both let the last allowed attempt through. Plain SQL that PostgreSQL and H2 read
 * alike.
 */
@Repository
class JdbcAttemptLog implements RateLimiter.AttemptLog {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  JdbcAttemptLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    // an attempt counts even when the request fails later; and the lock is held for milliseconds only
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<Instant> record(String key, int max, Duration window, Instant now) {
    return ownTransaction.execute(tx -> {
      lock(tx, key, now);
      long cutoff = now.minus(window).toEpochMilli();
      // the max-th newest attempt inside the window, if there are that many: one more fits when it leaves the
      // window. At most max entries of the index are read, however many attempts the window holds; the older ones
      // are the periodic cleanup's (RateLimiter), not every check's.
      Optional<Long> limiting = jdbc.sql("select attempted_at from rate_limit_attempt where key_hash = ?"
          + " and attempted_at > ? order by attempted_at desc offset ? rows fetch first 1 rows only")
          .params(key, cutoff, max - 1).query(Long.class).optional();
      if (limiting.isPresent()) return Optional.of(Instant.ofEpochMilli(limiting.get()));
      jdbc.sql("insert into rate_limit_attempt (key_hash, attempted_at) values (?, ?)")
          .params(key, now.toEpochMilli()).update();
      return Optional.<Instant>empty();
    });
  }

  /**
   * Takes the key's row lock, inserting the row if the key is new: most keys are (a customer's first request from
   * their address), and creating the row in a transaction of its own had cost each of them two more commits. The
   * insert runs under a savepoint because on PostgreSQL a failed statement ends the transaction it ran in; it fails
   * when another node created the key meanwhile (PostgreSQL waits for that node's commit first), and then the key
   * is there to update.
   */
  private void lock(TransactionStatus tx, String key, Instant now) {
    while (!touch(key, now)) {
      Object savepoint = tx.createSavepoint();
      try {
        jdbc.sql("insert into rate_limit_key (key_hash, last_attempt) values (?, ?)")
            .params(key, now.toEpochMilli()).update();
        tx.releaseSavepoint(savepoint);
        return; // the inserted row is ours until the commit
      } catch (DuplicateKeyException createdByAnotherNode) {
        tx.rollbackToSavepoint(savepoint);
      }
    }
  }

  /** Updates the key's row, which locks it until the transaction ends; false when there is none yet. */
  private boolean touch(String key, Instant now) {
    return jdbc.sql("update rate_limit_key set last_attempt = ? where key_hash = ?")
        .params(now.toEpochMilli(), key).update() == 1;
  }

  @Override
  public void forgetUntil(Instant cutoff) {
    ownTransaction.executeWithoutResult(tx -> {
      jdbc.sql("delete from rate_limit_attempt where attempted_at <= ?").param(cutoff.toEpochMilli()).update();
      jdbc.sql("delete from rate_limit_key where last_attempt <= ?").param(cutoff.toEpochMilli()).update();
    });
  }
}
