package com.snapdesk.notify;

/** The mail server as the rest of the app sees it: does it take mail right now? */
@FunctionalInterface
public interface MailServer {
  boolean reachable();
}
