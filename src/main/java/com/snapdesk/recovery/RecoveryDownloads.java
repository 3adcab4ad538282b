package com.snapdesk.recovery;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Port: a fresh, short-lived link to data a retrieval delivered as a download (a location with no node). The app
 * hands customers its own URL and asks for one of these only when the customer follows it, so a link can neither
 * outlive the data nor be cut short by the credentials that signed it long ago.
 */
public interface RecoveryDownloads {

  /** Empty when {@code location} is not a download this backend delivered. */
  Optional<URI> link(String location, Duration validity);
}
