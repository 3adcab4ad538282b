package com.snapdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  @Test
  void tokensCarryAtLeast128BitsOfRandomness() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = AccessTokens.newToken();
      assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
      assertThat(seen.add(token)).isTrue();
    }
  }

  @Test
  void storesOnlyAHashThatDoesNotContainTheToken() {
    String token = AccessTokens.newToken();
    assertThat(AccessTokens.hash(token)).hasSize(64).doesNotContain(token).isEqualTo(AccessTokens.hash(token));
  }

  @Test
  void idempotencyLookupHashDiffersFromThePlainHashOfTheKey() {
    assertThat(AccessTokens.idempotencyLookupHash("k-0123456789abcdef")).isNotEqualTo(
        AccessTokens.hash("k-0123456789abcdef"));
  }
}
