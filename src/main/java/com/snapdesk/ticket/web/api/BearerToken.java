package com.snapdesk.ticket.web.api;

/** Reads "Authorization: Bearer <token>"; anything else is no token at all. */
final class BearerToken {
  private BearerToken() {}

  static String from(String authorization) {
    if (authorization == null) return null;
    String value = authorization.trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String token = value.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
