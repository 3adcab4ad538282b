package com.snapdesk.recovery;

import com.snapdesk.recovery.RecoveryRetrieval.RetrievalRequest;
import java.util.List;

/**
 * Port: checks, read-only, that data a drill retrieved is usable. Never writes to the data or to the snapshots it
 * came from; safe to call again.
 */
public interface RetrievalValidation {

  /** Checks what {@link RecoveryRetrieval#retrieve} made ready for this request. */
  Validation validate(RetrievalRequest request);

  /** The outcome and, for people, what was checked: on failure the first check that failed says why. */
  record Validation(boolean passed, List<String> checks, String failure) {

    public Validation {
      checks = List.copyOf(checks);
    }

    public static Validation passed(List<String> checks) {
      return new Validation(true, checks, null);
    }

    public static Validation failed(List<String> checks, String failure) {
      return new Validation(false, checks, failure);
    }
  }
}
