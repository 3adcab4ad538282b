package com.snapdesk.shared;

import java.time.Duration;

/**
 * A customer action refused because a rate limit is used up, with when to try again. Thrown before anything is
 * stored or sent; the API answers 429 problem+json with {@code Retry-After}, the portal a page saying how long to
 * wait. It says nothing about whether a ticket, a project or a contact exists.
 */
public class TooManyRequestsException extends RuntimeException {

  /** What was counted: the client's address, or the email address typed into a request (its recipient). */
  public enum CountedBy { ADDRESS, RECIPIENT }

  /** What the customer did too often, in the words the pages use. */
  public enum Action {
    SUBMISSION("requests"), REPLY("answers"), VERIFICATION("confirmations");

    private final String plural;

    Action(String plural) {
      this.plural = plural;
    }

    public String plural() {
      return plural;
    }
  }

  private final Action action;
  private final CountedBy countedBy;
  private final int limit;
  private final Duration window;
  private final Duration retryAfter;

  public TooManyRequestsException(Action action, CountedBy countedBy, int limit, Duration window,
                                  Duration retryAfter) {
    super("too many " + action.plural() + " per " + countedBy.name().toLowerCase(java.util.Locale.ROOT));
    this.action = action;
    this.countedBy = countedBy;
    this.limit = limit;
    this.window = window;
    this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  public Action action() { return action; }
  public CountedBy countedBy() { return countedBy; }
  public int limit() { return limit; }
  public Duration window() { return window; }
  public Duration retryAfter() { return retryAfter; }

  /** Whole seconds for a {@code Retry-After} header, at least 1. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
