package com.snapdesk.recovery;

/**
 * A business failure of retrieval: the chosen point vanished, is in error or cannot be used.
 * The agent must choose again; retrying the same call would not help.
 */
public class RecoveryPointUnavailableException extends RuntimeException {
  public RecoveryPointUnavailableException(String message) {
    super(message);
  }
}
