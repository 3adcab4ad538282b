package com.snapdesk.ticket.intake;

import com.snapdesk.ticket.Ticket;
import java.security.SecureRandom;

/** Ticket ids customers can read aloud: SD- and 8 Crockford base-32 characters (no I, L, O, U). */
final class TicketIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TicketIds() {}

  static String next() {
    StringBuilder id = new StringBuilder("SD-");
    for (int i = 0; i < 8; i++) id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    return id.toString();
  }
}
