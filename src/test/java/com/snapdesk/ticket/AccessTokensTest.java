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
  void sealedTokenOpensOnlyWithTheSameIdempotencyKey() {
    // given a token sealed for a replay under the client's key
    String token = AccessTokens.newToken();
    String sealed = AccessTokens.seal(token, "client-key-0123456789");

    // then the same key opens it and any other key does not
    assertThat(sealed).doesNotContain(token);
    assertThat(AccessTokens.unseal(sealed, "client-key-0123456789")).contains(token);
    assertThat(AccessTokens.unseal(sealed, "client-key-0123456780")).isEmpty();
    assertThat(AccessTokens.unseal("garbage", "client-key-0123456789")).isEmpty();
  }

  @Test
  void idempotencyLookupHashDiffersFromTheSealingKey() {
    assertThat(AccessTokens.idempotencyLookupHash("k-0123456789abcdef")).isNotEqualTo(
        AccessTokens.hash("k-0123456789abcdef"));
  }
}
