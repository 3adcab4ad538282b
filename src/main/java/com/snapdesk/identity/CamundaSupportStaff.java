package com.snapdesk.identity;

import com.snapdesk.ticket.SupportStaff;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Support leads are the members of the Camunda group support-leads that have an email address. */
@Component
class CamundaSupportStaff implements SupportStaff {

  private final IdentityService identity;

  CamundaSupportStaff(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public List<Lead> leads() {
    return identity.createUserQuery().memberOfGroup(Groups.SUPPORT_LEADS).list().stream()
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
        .map(u -> new Lead(u.getId(), u.getEmail()))
        .toList();
  }
}
