package com.snapdesk.identity;

import com.snapdesk.identity.SafeStartup.UnsafeStartupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused start-up as Spring Boot's "APPLICATION FAILED TO START" report: what, and what to set. */
class UnsafeStartupFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeStartupException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, UnsafeStartupException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
