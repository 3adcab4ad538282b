package com.snapdesk.demo;

import com.snapdesk.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo logins for the embedded default (profile demo only); never seeded in production. */
@Component
@Profile("demo")
class DemoUsers {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record DemoUser(String id, String first, String last, List<String> groups) {}

  // Lena leads and also reviews, so the demo shows four eyes: she cannot approve her own review as lead.
  static final List<DemoUser> USERS = List.of(
      new DemoUser("alice", "Alice", "Agent", List.of(Groups.SUPPORT_AGENTS)),
      new DemoUser("bob", "Bob", "Agent", List.of(Groups.SUPPORT_AGENTS)),
      new DemoUser("lena", "Lena", "Lead", List.of(Groups.SUPPORT_LEADS, Groups.SUPPORT_AGENTS)),
      new DemoUser("leo", "Leo", "Lead", List.of(Groups.SUPPORT_LEADS)),
      new DemoUser("mona", "Mona", "Manager", List.of(Groups.MANAGERS)));

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  void seed() {
    for (DemoUser u : USERS) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        user.setFirstName(u.first());
        user.setLastName(u.last());
        user.setEmail(u.id() + "@snapdesk.example");
        user.setPassword(u.id());
        identity.saveUser(user);
        log.info("Created demo user {} ({})", u.id(), u.groups());
      }
      for (String group : u.groups()) {
        if (identity.createUserQuery().userId(u.id()).memberOfGroup(group).count() == 0) {
          identity.createMembership(u.id(), group);
        }
      }
    }
  }
}
