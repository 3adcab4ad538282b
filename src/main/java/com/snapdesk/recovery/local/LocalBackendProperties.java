package com.snapdesk.recovery.local;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded backend.
 *
 * @param inventory   inventory JSON file; when absent a demo inventory is generated relative to now
 * @param recoveryDir where retrieved data is put, one folder per recovery (relative to the working dir)
 */
@ConfigurationProperties("snapdesk.local")
@Validated
public record LocalBackendProperties(Path inventory, @NotNull @DefaultValue("data/recovery") Path recoveryDir) {}
