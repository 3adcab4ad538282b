package com.snapdesk.drill;

/**
 * A drill found what it exists to find: no usable point, a point the backend refuses, or data that does not
 * validate. Retrying would not help; the drill fails, is cleaned up and reported.
 */
public class DrillFailedException extends RuntimeException {
  public DrillFailedException(String message) {
    super(message);
  }
}
