package com.snapdesk.cluster;

import com.snapdesk.cluster.LocalBackendLock.SingleNodeBackendException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a second local-backend node's refusal as "APPLICATION FAILED TO START": why, and what to do. */
class SingleNodeBackendFailureAnalyzer extends AbstractFailureAnalyzer<SingleNodeBackendException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, SingleNodeBackendException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
