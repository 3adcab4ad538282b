package com.snapdesk.ticket.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BearerTokenTest {

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(nullValues = "NULL", value = {
      "'Bearer abc', abc",
      "'bearer abc', abc",
      "'  Bearer   abc  ', abc",
      "'Basic YWxpY2U6YWxpY2U=', NULL",
      "'Bearer ', NULL",
      "'Bearer', NULL",
      "NULL, NULL",
  })
  void readsOnlyBearerCredentials(String header, String token) {
    assertThat(BearerToken.from(header)).isEqualTo(token);
  }
}
