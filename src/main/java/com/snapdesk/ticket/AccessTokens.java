package com.snapdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret per-ticket tokens: 256 random bits, handed out once, stored only as a SHA-256 hash (looking a
 * token up by its hash leaks nothing useful by timing: the attacker does not control the hash).
 * For idempotent replays the token is sealed with a key derived from the client's Idempotency-Key,
 * so only someone who knows that key can get it back, and the database alone reveals nothing.
 */
public final class AccessTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

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

  public static String seal(String token, String idempotencyKey) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, idempotencyKey, iv);
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return B64.encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal token", e);
    }
  }

  public static Optional<String> unseal(String sealed, String idempotencyKey) {
    try {
      byte[] in = B64D.decode(sealed);
      byte[] iv = java.util.Arrays.copyOfRange(in, 0, 12);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, idempotencyKey, iv);
      return Optional.of(new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Cipher cipher(int mode, String idempotencyKey, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(sha256("seal:" + idempotencyKey), "AES"), new GCMParameterSpec(128, iv));
    return cipher;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
