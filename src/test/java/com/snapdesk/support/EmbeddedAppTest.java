package com.snapdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on its embedded defaults (H2, .eml outbox, demo inventory and logins) on a random
 * port, with Snapdesk's clock pinned. One shared Spring context for every class that uses it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:embedded-app;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.max-wait=1000",
    "snapdesk.mail.outbox-dir=target/it-h2/outbox",
    "snapdesk.local.recovery-dir=target/it-h2/recovery",
    "snapdesk.local.drill-dir=target/it-h2/drills",
    // tests make the tickets they need; the demo tickets have their own test (SlaDashboardBrowserIT)
    "snapdesk.demo.tickets=false"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
public @interface EmbeddedAppTest {
  String OUTBOX = "target/it-h2/outbox";
}
