package com.snapdesk.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Each node's stable name, {@code snapdesk.node.id}: in the log lines, as the {@code node} tag of every metric and
 * as the job executor's lock owner, so the node that holds a job can be told from the others, and a node that
 * comes back after a crash can release the jobs it held. Defaults to the host name and the HTTP port (stable for a
 * container or a VM across restarts, distinct for two nodes on one host); set it where that is not unique.
 * Computed before logging starts, so the log pattern can name it.
 */
class NodeIdentity implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "snapdesk.node.id";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (StringUtils.hasText(environment.getProperty(PROPERTY))) return;
    String port = environment.getProperty("server.port", "8080");
    environment.getPropertySources().addLast(new MapPropertySource("snapdeskNodeIdentity",
        Map.of(PROPERTY, hostName() + "-" + port)));
  }

  private static String hostName() {
    String fromEnvironment = System.getenv("HOSTNAME");
    if (StringUtils.hasText(fromEnvironment)) return fromEnvironment;
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "snapdesk";
    }
  }

  @Override
  public int getOrder() {
    // after the config files are read (so snapdesk.node.id and server.port from them count), before logging
    return Ordered.HIGHEST_PRECEDENCE + 15;
  }
}
