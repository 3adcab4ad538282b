package com.snapdesk.recovery.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Reads AWS error codes; EC2 names them {@code InvalidVolume.NotFound}, {@code IncorrectState} and so on. */
final class AwsErrors {

  private AwsErrors() {}

  static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** {@code InvalidVolume.NotFound}, {@code InvalidSnapshot.NotFound}...: gone, or not visible yet after a create. */
  static boolean isNotFound(AwsServiceException e) {
    String code = code(e);
    return code != null && code.endsWith(".NotFound");
  }

  static boolean is(AwsServiceException e, String code) {
    return code.equals(code(e));
  }
}
