package com.snapdesk.ticket.review;

import com.snapdesk.project.Environment;
import com.snapdesk.project.Plan;
import com.snapdesk.project.Project;
import com.snapdesk.ticket.RejectionReason;
import java.util.Optional;

/** Who may ask for which environment's automatic backups (rules from the backup FAQ). */
final class Eligibility {

  /** Same words whether or not the project exists, so the answer reveals nothing to strangers. */
  static final String NEUTRAL = "We can only act on requests from a project's registered contacts.";

  private Eligibility() {}

  public record Decision(boolean eligible, RejectionReason reason, String detail) {
    /** Contacts are checked first: any other answer means the requester is one of the project's contacts. */
    public boolean requesterIsContact() {
      return eligible || reason != RejectionReason.NOT_A_CONTACT;
    }

    static Decision yes() {
      return new Decision(true, null, null);
    }

    static Decision no(RejectionReason reason, String detail) {
      return new Decision(false, reason, detail);
    }
  }

  public static Decision assess(Optional<Project> project, Environment environment, String requesterEmail) {
    // Contact first: a stranger must not learn the plan or environments of a project.
    if (project.isEmpty() || !project.get().isContact(requesterEmail)) {
      return Decision.no(RejectionReason.NOT_A_CONTACT, NEUTRAL);
    }
    Project p = project.get();
    if (p.plan() == Plan.STARTER) {
      return Decision.no(RejectionReason.NO_AUTOMATIC_BACKUPS,
          "Starter environments have no automatic backups; use manual snapshots instead.");
    }
    if (environment == Environment.INTEGRATION) {
      return Decision.no(RejectionReason.NO_AUTOMATIC_BACKUPS,
          "Pro Integration environments have no automatic backups; use manual snapshots instead.");
    }
    if (p.environment(environment).isEmpty()) {
      return Decision.no(RejectionReason.NO_RECOVERY_POINT,
          "Project " + p.id() + " has no " + environment.id() + " environment.");
    }
    return Decision.yes();
  }
}
