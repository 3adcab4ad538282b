package com.snapdesk.ticket.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.snapdesk.support.MutableClock;
import com.snapdesk.ticket.web.portal.PortalRateLimiter.Action;
import com.snapdesk.ticket.web.portal.PortalRateLimiter.TooManyRequestsException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PortalRateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final PortalRateLimiter limiter =
      new PortalRateLimiter(new PortalProperties(3, 2, Duration.ofMinutes(15)), clock);

  @Test
  void refusesTheAttemptAfterTheLimitAndSaysHowLongToWait() {
    // given three submissions from one client, five minutes apart
    for (int i = 0; i < 3; i++) {
      limiter.acquire(Action.SUBMISSION, "203.0.113.7");
      clock.advance(Duration.ofMinutes(5));
    }

    // when a fourth follows (15 minutes after the first)... the first has just left the window
    assertThatCode(() -> limiter.acquire(Action.SUBMISSION, "203.0.113.7")).doesNotThrowAnyException();

    // then a fifth right away is one too many: wait until the second leaves the window (5 minutes)
    var refused = catchThrowableOfType(TooManyRequestsException.class,
        () -> limiter.acquire(Action.SUBMISSION, "203.0.113.7"));
    assertThat(refused.limit()).isEqualTo(3);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void countsEachClientAndEachKindOfActionSeparately() {
    // given one client that used up its replies
    limiter.acquire(Action.REPLY, "203.0.113.7");
    limiter.acquire(Action.REPLY, "203.0.113.7");
    assertThat(catchThrowableOfType(TooManyRequestsException.class,
        () -> limiter.acquire(Action.REPLY, "203.0.113.7"))).isNotNull();

    // then it may still submit, and another client may still reply
    assertThatCode(() -> limiter.acquire(Action.SUBMISSION, "203.0.113.7")).doesNotThrowAnyException();
    assertThatCode(() -> limiter.acquire(Action.REPLY, "198.51.100.1")).doesNotThrowAnyException();
  }

}
