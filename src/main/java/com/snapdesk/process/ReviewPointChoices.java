package com.snapdesk.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.ticket.Ticket;
import com.snapdesk.ticket.TicketRepository;
import com.snapdesk.ticket.review.SelectRecoveryPoint;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Start listener of Task_ReviewRequest (every round): offers the agent the points around the requested moment
 * as the form's select options, from the catalog, and preselects the ticket's chosen point. Written as a Json
 * variable because Tasklist parses only Json (or JSON-serialized object) variables into a select's options.
 */
@Component("reviewPointChoices")
public class ReviewPointChoices {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SelectRecoveryPoint selection;
  private final TicketRepository tickets;

  ReviewPointChoices(SelectRecoveryPoint selection, TicketRepository tickets) {
    this.selection = selection;
    this.tickets = tickets;
  }

  public void offer(DelegateExecution execution) {
    String ticketId = TicketVariables.ticketId(execution);
    String options;
    try {
      options = JSON.writeValueAsString(selection.choices(ticketId));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the point choices of " + ticketId, e);
    }
    execution.setVariable(VariableNames.RECOVERY_POINT_OPTIONS, SpinValues.jsonValue(options).create());
    Ticket.PointRef chosen = tickets.find(ticketId).map(Ticket::chosenPoint).orElse(null);
    execution.setVariable(VariableNames.RECOVERY_POINT_ID, chosen == null ? null : chosen.id());
  }
}
