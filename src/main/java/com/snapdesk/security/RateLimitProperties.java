package com.snapdesk.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often customers may act, counted by every node together in the database (V8). Each limit is a sliding
 * window; every attempt counts, valid or not, so a script gains nothing from sending nonsense.
 *
 * @param perAddress counted by the client's address ({@code request.getRemoteAddr()}, which Tomcat's RemoteIpValve
 *                   takes from X-Forwarded-For only when a trusted proxy sent it), portal and API together
 * @param perRecipient counted by the email address typed into a request, lower case, whether or not it belongs to
 *                     a contact: each accepted request may send that address a verification email
 */
@ConfigurationProperties("snapdesk.rate-limits")
@Validated
public record RateLimitProperties(
    @Valid @NotNull @DefaultValue PerAddress perAddress,
    @Valid @NotNull @DefaultValue PerRecipient perRecipient) {

  /**
   * @param submissions request forms and {@code POST /api/tickets}
   * @param replies answers to an agent's question
   * @param verifications confirmations of a request (status page and {@code POST /api/tickets/{id}/verify})
   */
  public record PerAddress(
      @NotNull @DefaultValue("15m") Duration window,
      @Positive @DefaultValue("10") int submissions,
      @Positive @DefaultValue("10") int replies,
      @Positive @DefaultValue("10") int verifications) {}

  /** @param submissions requests naming one email address, so at most this many verification emails to it */
  public record PerRecipient(
      @NotNull @DefaultValue("1h") Duration window,
      @Positive @DefaultValue("5") int submissions) {}

  /** The longest window: attempts older than this count for nothing and may be forgotten. */
  Duration longestWindow() {
    return perAddress.window().compareTo(perRecipient.window()) >= 0 ? perAddress.window() : perRecipient.window();
  }
}
