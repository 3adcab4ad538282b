package com.snapdesk.ticket.web.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A sliding-window limit per client and kind of action, in memory (per app node). Counts every attempt, valid
 * or not, so a script cannot hammer the form; the limits leave room for a person correcting mistakes.
 */
@Component
class PortalRateLimiter {

  enum Action { SUBMISSION, REPLY }

  private static final int MAX_CLIENTS = 10_000;

  private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();
  private final PortalProperties properties;
  private final Clock clock;

  PortalRateLimiter(PortalProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Records an attempt, or refuses it with how long to wait. */
  void acquire(Action action, String client) {
    Instant now = clock.instant();
    Duration window = properties.rateWindow();
    int limit = action == Action.SUBMISSION ? properties.submissionsPerClient() : properties.repliesPerClient();
    if (attempts.size() > MAX_CLIENTS) forgetIdleClients(now.minus(window));
    Deque<Instant> log = attempts.computeIfAbsent(action + "|" + client, k -> new ArrayDeque<>());
    synchronized (log) {
      while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(window))) log.pollFirst();
      if (log.size() >= limit) {
        Duration wait = Duration.between(now, log.peekFirst().plus(window));
        throw new TooManyRequestsException(action, limit, window, wait.isNegative() ? Duration.ZERO : wait);
      }
      log.addLast(now);
    }
  }

  private void forgetIdleClients(Instant cutoff) {
    attempts.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(cutoff);
      }
    });
  }

  static final class TooManyRequestsException extends RuntimeException {
    private final Action action;
    private final int limit;
    private final Duration window;
    private final Duration retryAfter;

    TooManyRequestsException(Action action, int limit, Duration window, Duration retryAfter) {
      super("too many " + action + " attempts");
      this.action = action;
      this.limit = limit;
      this.window = window;
      this.retryAfter = retryAfter;
    }

    Action action() { return action; }
    int limit() { return limit; }
    Duration window() { return window; }
    Duration retryAfter() { return retryAfter; }
  }
}
