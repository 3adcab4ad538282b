package com.snapdesk.drill;

import com.snapdesk.notify.CustomerMailer;
import com.snapdesk.notify.MailKind;
import com.snapdesk.notify.MailView;
import com.snapdesk.shared.TimeText;
import com.snapdesk.ticket.SupportStaff;
import org.springframework.stereotype.Service;

/** Use case: a drill failed; each support lead gets one email about it, however often the step runs. */
@Service
public class AlertLeadsOfFailedDrill {

  private final RunDrill drills;
  private final SupportStaff staff;
  private final CustomerMailer mailer;

  public AlertLeadsOfFailedDrill(RunDrill drills, SupportStaff staff, CustomerMailer mailer) {
    this.drills = drills;
    this.staff = staff;
    this.mailer = mailer;
  }

  /**
   * @param dedupKey   one per drill and step, e.g. "&lt;processInstanceId&gt;:&lt;activityId&gt;"; each lead's id is
   *                   appended, so a retried step mails nobody twice
   * @param cockpitUrl where the drill's incident can be seen and acknowledged
   */
  public void alert(String drillId, String dedupKey, String cockpitUrl) {
    RestoreDrill d = drills.drill(drillId);
    String point = d.recoveryPointId() == null ? "none chosen"
        : d.recoveryPointId() + ", taken " + TimeText.utc(d.pointCreatedAt());
    String outcome = d.outcome() == DrillOutcome.TIMED_OUT ? "timed out" : "failed";
    var failure = new MailView.DrillFailure(outcome, point, TimeText.utc(d.startAt()),
        d.reason() == null ? "(no reason recorded)" : d.reason(), cockpitUrl);
    // A drill has no customer: the ticket fields carry the drill's own, and nothing links a status page.
    MailView view = MailView.builder().ticketId(d.drillId()).customerName("").customerEmail("")
        .projectId(d.projectId()).environment(d.environment().id()).scope("full")
        .requestedLocal(point).requestedUtc(point).statusUrl("").drillFailure(failure).build();
    for (SupportStaff.Lead lead : staff.leads()) {
      mailer.send(dedupKey + ":" + lead.userId(), MailKind.DRILL_FAILED, lead.email(), view);
    }
  }
}
