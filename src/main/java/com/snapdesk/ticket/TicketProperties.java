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
 */
@ConfigurationProperties("snapdesk.tickets")
@Validated
public record TicketProperties(
    @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @NotNull @DefaultValue("P7D") Duration retrievedDataExpiry) {

  public String statusUrl(String ticketId, String token) {
    String base = publicBaseUrl.toString().replaceAll("/+$", "");
    return base + "/tickets/" + ticketId + "?token=" + token;
  }
}
