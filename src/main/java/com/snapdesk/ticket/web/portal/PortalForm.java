package com.snapdesk.ticket.web.portal;

import com.snapdesk.ticket.intake.TicketRequest;
import java.util.UUID;

/**
 * The request form exactly as the customer typed it; field names are the API's, so the shared validator's
 * {@code FieldError}s land beside the right inputs. Carries an idempotency key so that a double click or a
 * resent page never files the same request twice.
 */
public class PortalForm {

  private String customerName;
  private String customerEmail;
  private String projectId;
  private String environment;
  private String requestedDate;
  private String requestedTime;
  private String timezone;
  private String utcOffset;
  /** The date, time and zone the offset choice was offered for; a choice for another moment is dropped. */
  private String offsetFor;
  private String scope = "full";
  private String policy = "nearest";
  private String reason;
  private String idempotencyKey = newKey();

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  TicketRequest toRequest() {
    return new TicketRequest(customerEmail, customerName, projectId, environment, requestedDate, requestedTime,
        timezone, utcOffset, scope, policy, reason);
  }

  /** Which of two equal local times the customer meant only holds for the moment it was asked about. */
  void forgetOffsetIfTheMomentChanged() {
    if (!momentKey().equals(offsetFor)) {
      utcOffset = null;
      offsetFor = null;
    }
  }

  void offsetAskedFor(String preselected) {
    offsetFor = momentKey();
    utcOffset = preselected;
  }

  /** A key the customer cannot have chosen badly: anything but a UUID is replaced. */
  String idempotencyKeyOrNew() {
    try {
      UUID.fromString(idempotencyKey == null ? "" : idempotencyKey);
    } catch (IllegalArgumentException e) {
      idempotencyKey = newKey();
    }
    return idempotencyKey;
  }

  private String momentKey() {
    return strip(requestedDate) + "T" + strip(requestedTime) + "@" + strip(timezone);
  }

  private static String strip(String s) {
    return s == null ? "" : s.strip();
  }

  public String getCustomerName() { return customerName; }
  public void setCustomerName(String customerName) { this.customerName = customerName; }
  public String getCustomerEmail() { return customerEmail; }
  public void setCustomerEmail(String customerEmail) { this.customerEmail = customerEmail; }
  public String getProjectId() { return projectId; }
  public void setProjectId(String projectId) { this.projectId = projectId; }
  public String getEnvironment() { return environment; }
  public void setEnvironment(String environment) { this.environment = environment; }
  public String getRequestedDate() { return requestedDate; }
  public void setRequestedDate(String requestedDate) { this.requestedDate = requestedDate; }
  public String getRequestedTime() { return requestedTime; }
  public void setRequestedTime(String requestedTime) { this.requestedTime = requestedTime; }
  public String getTimezone() { return timezone; }
  public void setTimezone(String timezone) { this.timezone = timezone; }
  public String getUtcOffset() { return utcOffset; }
  public void setUtcOffset(String utcOffset) { this.utcOffset = utcOffset; }
  public String getOffsetFor() { return offsetFor; }
  public void setOffsetFor(String offsetFor) { this.offsetFor = offsetFor; }
  public String getScope() { return scope; }
  public void setScope(String scope) { this.scope = scope; }
  public String getPolicy() { return policy; }
  public void setPolicy(String policy) { this.policy = policy; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
