package com.snapdesk.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dedup keys of mails already sent (table {@code sent_mail}, Flyway V2). */
class SentMailLog {

  private final JdbcClient jdbc;

  SentMailLog(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  boolean contains(String dedupKey) {
    return jdbc.sql("select count(*) from sent_mail where dedup_key = ?")
        .param(dedupKey)
        .query(Integer.class)
        .single() > 0;
  }

  /** @return false when the key was already recorded (another node sent the same mail concurrently) */
  boolean record(String dedupKey, MailKind kind, String recipient, Instant sentAt) {
    try {
      jdbc.sql("insert into sent_mail (dedup_key, kind, recipient, sent_at) values (?, ?, ?, ?)")
          .params(dedupKey, kind.name(), recipient, sentAt.atOffset(ZoneOffset.UTC))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }
}
