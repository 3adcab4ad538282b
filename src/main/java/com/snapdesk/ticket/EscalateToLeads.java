package com.snapdesk.ticket;

import com.snapdesk.notify.MailView;
import com.snapdesk.shared.TimeText;
import com.snapdesk.sla.SlaClockKind;
import com.snapdesk.sla.SlaTracker;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Use case: an SLA clock reached its escalation point; record it and alert the support leads. */
@Service
public class EscalateToLeads {

  private final TicketRepository tickets;
  private final SlaTracker sla;
  private final SupportStaff staff;
  private final SendCustomerMail notifications;
  private final TicketProperties properties;
  private final Clock clock;

  public EscalateToLeads(TicketRepository tickets, SlaTracker sla, SupportStaff staff,
                       SendCustomerMail notifications, TicketProperties properties, Clock clock) {
    this.tickets = tickets;
    this.sla = sla;
    this.staff = staff;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  public void escalate(String ticketId, SlaClockKind kind, String dedupKey, String taskId) {
    Ticket t = tickets.find(ticketId).orElseThrow(() -> new UnknownTicketException(ticketId));
    sla.escalated(ticketId, kind);
    var deadline = sla.deadline(ticketId, kind).orElseThrow();
    String name = kind == SlaClockKind.FIRST_RESPONSE ? "first response" : "delivery";
    String used = Math.round(deadline.usedFraction() * 100) + " %";
    tickets.addEvent(ticketId, new TicketEvent(clock.instant(), TimelineEvents.ESCALATED, "system",
        "The " + name + " target is " + used + " used; support leads alerted"));
    var escalation = new MailView.Escalation(name, used, TimeText.local(deadline.dueAt(), t.zone()),
        TimeText.utc(deadline.dueAt()), t.status().name(),
        taskId == null ? properties.tasklistUrl("") : properties.tasklistUrl(taskId));
    notifications.escalateToLeads(ticketId, staff.leads(), escalation, dedupKey);
  }
}
