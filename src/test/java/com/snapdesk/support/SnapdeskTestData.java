package com.snapdesk.support;

import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.intake.TicketRequest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo project every test speaks of (Acme Store, Pro; the same in the demo inventory and the test
 * inventories) and a customer's request for it, so a test states only what it varies.
 */
public final class SnapdeskTestData {

  /** Acme Store, plan Pro, with production and staging. */
  public static final String ACME = "mx7k2p4qzt3rw";
  public static final String ACME_NAME = "Acme Store";
  /** The one registered contact of {@link #ACME}. */
  public static final String ACME_CONTACT = "ops@acme.example";
  public static final String ACME_CUSTOMER = "Olga Ops";

  /** The ticket settings as shipped (application defaults). */
  public static final TicketProperties TICKET_DEFAULTS = new TicketProperties(URI.create("http://localhost:8080"),
      Duration.ofDays(7), Duration.ofHours(24), Duration.ofDays(5), Duration.ofDays(3), Duration.ofMinutes(1),
      Duration.ofHours(24), Duration.ofDays(30), Duration.ofMinutes(5));

  private SnapdeskTestData() {}

  /** A valid request for Acme production at 07:20 New York time on 2026-11-25, as the API or portal gets it. */
  public static Request request() {
    return new Request();
  }

  /** A request's fields by their API and form names; {@code with(name, null)} leaves a field out. */
  public static final class Request {
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Request() {
      fields.put("customerEmail", ACME_CONTACT);
      fields.put("customerName", ACME_CUSTOMER);
      fields.put("projectId", ACME);
      fields.put("environment", "production");
      fields.put("requestedDate", "2026-11-25");
      fields.put("requestedTime", "07:20");
      fields.put("timezone", "America/New_York");
      fields.put("reason", "Lost orders");
    }

    public Request with(String field, String value) {
      if (value == null) fields.remove(field);
      else fields.put(field, value);
      return this;
    }

    public Request environment(String environment) {
      return with("environment", environment);
    }

    public Request at(String date, String time) {
      return with("requestedDate", date).with("requestedTime", time);
    }

    /** A copy, for a JSON body or form fields. */
    public Map<String, String> fields() {
      return new LinkedHashMap<>(fields);
    }

    public TicketRequest toTicketRequest() {
      return new TicketRequest(fields.get("customerEmail"), fields.get("customerName"), fields.get("projectId"),
          fields.get("environment"), fields.get("requestedDate"), fields.get("requestedTime"), fields.get("timezone"),
          fields.get("utcOffset"), fields.get("scope"), fields.get("policy"), fields.get("reason"));
    }
  }
}
