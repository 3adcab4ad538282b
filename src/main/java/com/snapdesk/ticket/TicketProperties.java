package com.snapdesk.ticket;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param publicBaseUrl where customers reach Snapdesk; status links in emails start with it
 * @param retrievedDataExpiry how long retrieved data stays available before it is removed
 * @param expiryReminderBefore how long before expiry the customer is reminded
 * @param replyTimeout how long a ticket waits for the customer's answer before it is closed
 * @param replyReminderAfter when, while waiting, the customer is reminded
 * @param retrievalPollInterval how often an unfinished retrieval (volumes, archive restore) is checked
 * @param verificationTimeout how long a request waits for the requester to confirm it from their mailbox
 * @param tokenLifetimeAfterEnd how long status links keep working after the ticket ended
 * @param downloadLinkValidity how long the storage link lives that the app's download URL redirects to
 */
@ConfigurationProperties("snapdesk.tickets")
@Validated
public record TicketProperties(
    @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @NotNull @DefaultValue("P7D") Duration retrievedDataExpiry,
    @NotNull @DefaultValue("PT24H") Duration expiryReminderBefore,
    @NotNull @DefaultValue("P5D") Duration replyTimeout,
    @NotNull @DefaultValue("P3D") Duration replyReminderAfter,
    @NotNull @DefaultValue("PT1M") Duration retrievalPollInterval,
    @NotNull @DefaultValue("PT24H") Duration verificationTimeout,
    @NotNull @DefaultValue("P30D") Duration tokenLifetimeAfterEnd,
    @NotNull @DefaultValue("PT5M") Duration downloadLinkValidity) {

  public TicketProperties {
    if (replyReminderAfter != null && replyTimeout != null && replyReminderAfter.compareTo(replyTimeout) >= 0) {
      throw new IllegalArgumentException("snapdesk.tickets.reply-reminder-after must be shorter than reply-timeout");
    }
  }

  public String statusUrl(String ticketId, String token) {
    return base() + "/tickets/" + ticketId + "?token=" + token;
  }

  /** The app's own URL for a delivered download: it checks the token and the data's expiry before every redirect. */
  public String downloadUrl(String ticketId, String token) {
    return base() + "/tickets/" + ticketId + "/download?token=" + token;
  }

  public String tasklistUrl(String taskId) {
    return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private String base() {
    return publicBaseUrl.toString().replaceAll("/+$", "");
  }
}
