package com.snapdesk.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Accepts exactly one bare address, so nothing a customer typed can add recipients or headers. */
final class Recipients {

  static final int MAX_LENGTH = 320;

  private Recipients() {}

  static String requireSingleAddress(String to) {
    if (to == null || to.isBlank()) throw invalid("a recipient address is required");
    String address = to.strip();
    if (address.length() > MAX_LENGTH) throw invalid("the recipient address is too long");
    for (char c : address.toCharArray()) {
      // CR/LF would inject headers; the others would make a list, a group or a display name.
      if (Character.isISOControl(c) || Character.isWhitespace(c) || ",;<>\"()[]\\:".indexOf(c) >= 0) {
        throw invalid("the recipient must be one plain address (local@domain)");
      }
    }
    if (address.indexOf('@') <= 0 || address.indexOf('@') != address.lastIndexOf('@')
        || address.endsWith("@")) {
      throw invalid("the recipient must be one plain address (local@domain)");
    }
    try {
      var parsed = new InternetAddress(address, true);
      parsed.validate();
      if (!address.equals(parsed.getAddress())) throw invalid("the recipient must be one plain address");
    } catch (AddressException e) {
      throw invalid("the recipient is not a valid email address");
    }
    return address;
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException(message);
  }
}
