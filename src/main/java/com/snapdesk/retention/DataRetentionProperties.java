package com.snapdesk.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long Snapdesk keeps its own rows ({@code snapdesk.data-retention.*}). Camunda's history has its own time to
 * live in the model; {@code ended-tickets} defaults to the same 180 days so a ticket and its process history go
 * together ({@code DataRetentionPropertiesTest} keeps them equal). Not here: HTTP sessions, which Spring Session
 * removes itself ({@code spring.session.jdbc.cleanup-cron}), and the nightly window, which is Camunda's history
 * cleanup window.
 *
 * @param idempotencyKeys how long a replayed {@code Idempotency-Key} still answers with its ticket
 * @param endedTickets how long a closed, rejected or cancelled ticket keeps its record, conversation, timeline and
 *     access tokens after it ended; its SLA events are then anonymised, never removed
 * @param sentMail how long the record of a sent mail (its recipient) is kept
 * @param batchSize rows removed per transaction
 * @param checkInterval how often a node looks whether the window is open and there is something to remove
 */
@ConfigurationProperties("snapdesk.data-retention")
@Validated
public record DataRetentionProperties(
    @NotNull @DefaultValue("24h") @DurationMin(minutes = 1) Duration idempotencyKeys,
    @NotNull @DefaultValue("180d") @DurationMin(days = 1) Duration endedTickets,
    @NotNull @DefaultValue("180d") @DurationMin(days = 1) Duration sentMail,
    @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
    @NotNull @DefaultValue("15m") @DurationMin(minutes = 1) Duration checkInterval) {

  /** As long as the process history: {@code historyTimeToLive="180"} of {@code BackupRetrieval}. */
  public static final Duration DEFAULT_ENDED_TICKETS = Duration.ofDays(180);

  public static DataRetentionProperties defaults() {
    return new DataRetentionProperties(Duration.ofHours(24), DEFAULT_ENDED_TICKETS, DEFAULT_ENDED_TICKETS, 500,
        Duration.ofMinutes(15));
  }

  /** The cut-offs of each kind at {@code now}. */
  public RetentionRules rules() {
    return new RetentionRules(idempotencyKeys, endedTickets, sentMail);
  }
}
