package com.snapdesk.retention;

import java.util.Optional;

/** Lets one node (and one thread) at a time run the cleanup across every node on the database. */
public interface RunLock {

  /** The lock, if nobody else holds it; closing it gives it back. Never waits. */
  Optional<Held> tryAcquire();

  interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
