package com.snapdesk.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what a customer request may carry, checked before anything reads it: the largest JSON or form body
 * of the customer API and the portal (a request form is a few KiB), and how deeply JSON may nest (the API's
 * bodies are flat objects). Camunda's own paths keep their limits.
 */
@ConfigurationProperties("snapdesk.web")
@Validated
public record WebLimitsProperties(
    @NotNull @DefaultValue("64KB") DataSize maxBodySize,
    @Min(2) @Max(1000) @DefaultValue("32") int maxJsonNestingDepth) {}
