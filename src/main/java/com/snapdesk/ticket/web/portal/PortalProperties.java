package com.snapdesk.ticket.web.portal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The customer portal's limits.
 *
 * @param submissionsPerClient how many request forms one client (IP address) may send per window
 * @param repliesPerClient how many answers to questions one client may send per window
 * @param rateWindow the sliding window both limits count in
 */
@ConfigurationProperties("snapdesk.portal")
@Validated
record PortalProperties(
    @Positive @DefaultValue("10") int submissionsPerClient,
    @Positive @DefaultValue("10") int repliesPerClient,
    @NotNull @DefaultValue("15m") Duration rateWindow) {}
