package com.snapdesk.recovery.local;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded backend.
 *
 * @param inventory   inventory JSON file; when absent a demo inventory is generated relative to now
 * @param recoveryDir where retrieved data is put, one folder per recovery (relative to the working dir)
 * @param archiveRestoreTime how long the embedded backend takes to bring back an archived point (AWS: up to 72 h)
 * @param allowSeveralNodes lets more than one node with this backend run on one PostgreSQL (cluster.LocalBackendLock
 *     refuses the second otherwise): only for nodes that see the same recovery folder and inventory file, and tests
 * @param drillDir    where restore drills put what they retrieve, apart from customers' data
 */
@ConfigurationProperties("snapdesk.local")
@Validated
public record LocalBackendProperties(Path inventory, @NotNull @DefaultValue("data/recovery") Path recoveryDir,
                                     @NotNull @DefaultValue("PT2M") Duration archiveRestoreTime,
                                     @DefaultValue("false") boolean allowSeveralNodes,
                                     @NotNull @DefaultValue("data/drills") Path drillDir) {}
