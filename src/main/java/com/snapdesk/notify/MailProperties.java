package com.snapdesk.notify;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Customer mail settings. SMTP itself is configured with the standard {@code spring.mail.*} keys;
 * without {@code spring.mail.host} mails go to {@code outboxDir} as .eml files.
 */
@ConfigurationProperties("snapdesk.mail")
@Validated
public record MailProperties(
    @NotBlank @DefaultValue("Snapdesk Support <support@snapdesk.example>") String from,
    @DefaultValue("data/outbox") Path outboxDir) {}
