package com.snapdesk.recovery.aws;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where restore drills attach their volumes: an instance kept for drills, never a customer's node. It must be in the
 * region (and, when given, the availability zone) where the drilled environments' snapshots are.
 *
 * @param instanceId       the drill instance; unset = drills on AWS fail saying so
 * @param availabilityZone its zone; unset = read from EC2
 */
@ConfigurationProperties("snapdesk.aws.drill")
@ConditionalOnProperty(name = "snapdesk.backend", havingValue = "aws")
public record AwsDrillProperties(String instanceId, String availabilityZone) {

  public static AwsDrillProperties none() {
    return new AwsDrillProperties(null, null);
  }

  boolean configured() {
    return instanceId != null && !instanceId.isBlank();
  }
}
