package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class NodeIdentityTest {

  @Test
  void namesTheNodeAfterItsHostAndPortWhenNotSet() {
    var environment = new MockEnvironment().withProperty("server.port", "8081");
    new NodeIdentity().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("snapdesk.node.id")).endsWith("-8081").hasSizeGreaterThan("-8081".length());
  }

  @Test
  void keepsAnIdTheOperatorSet() {
    var environment = new MockEnvironment().withProperty("snapdesk.node.id", "desk-a");
    new NodeIdentity().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("snapdesk.node.id")).isEqualTo("desk-a");
  }
}
