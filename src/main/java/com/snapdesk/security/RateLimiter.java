package com.snapdesk.security;

import com.snapdesk.shared.TooManyRequestsException;
import com.snapdesk.shared.TooManyRequestsException.Action;
import com.snapdesk.shared.TooManyRequestsException.CountedBy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The customer actions' rate limits (RateLimitProperties), counted in a log every node shares. Addresses and email
 * addresses are counted by a hash, so the log holds neither in clear.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

  /** How often a node removes attempts older than every window. */
  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

  /** The shared log of attempts that were let through (security.persistence). */
  public interface AttemptLog {
    /**
     * Records an attempt at {@code now} for {@code key} unless {@code max} attempts are already within
     * {@code window} before it; atomically for all nodes.
     *
     * @return empty when recorded; otherwise the oldest attempt inside the window (the next to leave it)
     */
    Optional<Instant> record(String key, int max, Duration window, Instant now);

    /** Forgets every attempt at or before {@code cutoff}. */
    void forgetUntil(Instant cutoff);
  }

  private final AttemptLog log;
  private final RateLimitProperties limits;
  private final Clock clock;
  private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.MIN);

  public RateLimiter(AttemptLog log, RateLimitProperties limits, Clock clock) {
    this.log = log;
    this.limits = limits;
    this.clock = clock;
  }

  /** Counts an action from a client address, or refuses it. */
  public void fromAddress(Action action, String address) {
    var perAddress = limits.perAddress();
    int max = switch (action) {
      case SUBMISSION -> perAddress.submissions();
      case REPLY -> perAddress.replies();
      case VERIFICATION -> perAddress.verifications();
    };
    acquire(action, CountedBy.ADDRESS, "address|" + action + "|" + address, max, perAddress.window());
  }

  /** Counts a request naming {@code email} (as typed), or refuses it; nothing is counted for a blank address. */
  public void forRecipient(String email) {
    if (email == null || email.isBlank()) return;
    var perRecipient = limits.perRecipient();
    acquire(Action.SUBMISSION, CountedBy.RECIPIENT, "recipient|" + normalise(email), perRecipient.submissions(),
        perRecipient.window());
  }

  /** Case and surrounding spaces do not make another recipient. */
  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private void acquire(Action action, CountedBy countedBy, String subject, int max, Duration window) {
    Instant now = clock.instant();
    forgetOldAttempts(now);
    Optional<Instant> oldest = log.record(hash(subject), max, window, now);
    if (oldest.isPresent()) {
      throw new TooManyRequestsException(action, countedBy, max, window,
          Duration.between(now, oldest.get().plus(window)));
    }
  }

  /** Now and then, not on every call: one node's cleanup serves all. */
  private void forgetOldAttempts(Instant now) {
    Instant last = lastCleanup.get();
    if (last.plus(CLEANUP_EVERY).isAfter(now) || !lastCleanup.compareAndSet(last, now)) return;
    log.forgetUntil(now.minus(limits.longestWindow()));
  }

  static String hash(String subject) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
