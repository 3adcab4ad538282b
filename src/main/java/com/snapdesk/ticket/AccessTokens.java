package com.snapdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secret per-ticket tokens: 256 random bits, handed out only inside emails to the requester, stored only as a
 * SHA-256 hash (looking a token up by its hash leaks nothing useful by timing: the attacker does not control
 * the hash). The submitter never gets one from the API: holding a token proves access to the contact's mailbox.
 */
public final class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private AccessTokens() {}

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  public static String hash(String value) {
    return HexFormat.of().formatHex(sha256(value));
  }

  public static String idempotencyLookupHash(String idempotencyKey) {
    return hash("lookup:" + idempotencyKey);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
