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
    "snapdesk.demo.tickets=false",
    // the suite submits many tickets from 127.0.0.1 for the same contact; RateLimitsIT proves the limits. The
    // per-address limits are set by their older portal names, which application.yml reads, so a test class can
    // lower them with either (@TestPropertySource wins over these)
    "snapdesk.portal.submissions-per-client=1000",
    "snapdesk.portal.replies-per-client=1000",
    "snapdesk.rate-limits.per-address.verifications=1000",
    "snapdesk.rate-limits.per-recipient.submissions=1000"
})
@ContextConfiguration(initializers = FixedClockConfiguration.class)
public @interface EmbeddedAppTest {
  String OUTBOX = "target/it-h2/outbox";
}
