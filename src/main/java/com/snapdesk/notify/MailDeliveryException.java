package com.snapdesk.notify;

/** The mail server or outbox did not accept a mail: a technical failure, worth a retry. */
public class MailDeliveryException extends RuntimeException {
  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
