package com.snapdesk.process;

import com.snapdesk.ticket.TicketProperties;
import com.snapdesk.ticket.review.ReviewRecord;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Staff cannot steer the process by sending variables. A task completion may carry any variables, and the
 * engine writes them to the process instance before the complete listener runs; so the listeners put back,
 * from the ticket record, the configuration and the engine's history, every variable that the model's
 * gateways, the approval policy, timers or mail dedup keys read later. Resetting (rather than refusing) keeps
 * Tasklist working: its form submission sends the read-only fields back unchanged.
 */
@Component
class RecordedVariables {

  private static final Logger log = LoggerFactory.getLogger(RecordedVariables.class);

  private final ReviewRecord record;
  private final TicketProperties properties;

  RecordedVariables(ReviewRecord record, TicketProperties properties) {
    this.record = record;
    this.properties = properties;
  }

  /** Writes the recorded values over whatever the completion sent. */
  void restore(DelegateTask task) {
    var execution = task.getExecution();
    ReviewRecord.Facts facts = record.of(execution.getProcessBusinessKey());
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put(VariableNames.TICKET_ID, facts.ticketId());
    recorded.put(VariableNames.SUBMITTED_AT, Date.from(facts.submittedAt()));
    recorded.put(VariableNames.ENVIRONMENT, facts.environment());
    recorded.put(VariableNames.SCOPE, facts.scope());
    // Configuration, first written here (the timers that read it come after a decision): a changed setting
    // reaches a running ticket at its next decision rather than never.
    recorded.put(VariableNames.REPLY_TIMEOUT, properties.replyTimeout().toString());
    recorded.put(VariableNames.REPLY_REMINDER_AFTER, properties.replyReminderAfter().toString());
    recorded.put(VariableNames.RETRIEVAL_POLL_INTERVAL, properties.retrievalPollInterval().toString());
    reviewRound(task).ifPresent(round -> recorded.put(VariableNames.REVIEW_ROUND, round));
    // what the lead reads before deciding
    recorded.put(VariableNames.CUSTOMER, facts.customer());
    recorded.put(VariableNames.PROJECT, facts.project());
    recorded.put(VariableNames.REQUESTED_LOCAL, facts.requestedLocal());
    recorded.put(VariableNames.REQUESTED_UTC, facts.requestedUtc());
    recorded.put(VariableNames.INTERPRETATION_NOTE, facts.interpretationNote());
    recorded.put(VariableNames.REASON, facts.reason());
    recorded.put(VariableNames.CHOSEN_POINT, facts.chosenPoint());
    recorded.put(VariableNames.REVIEWED_BY, facts.lastReviewer());

    // reviewedBy and chosenPoint change legitimately from one review round to the next: no warning for them
    var changed = recorded.entrySet().stream()
        .filter(e -> !e.getKey().equals(VariableNames.REVIEWED_BY) && !e.getKey().equals(VariableNames.CHOSEN_POINT))
        .filter(e -> execution.hasVariable(e.getKey()) && !Objects.equals(execution.getVariable(e.getKey()), e.getValue()))
        .map(Map.Entry::getKey).toList();
    if (!changed.isEmpty()) {
      log.warn("{} completed {} of {} sending {}; the recorded values stand", TicketVariables.currentUser(task),
          task.getTaskDefinitionKey(), facts.ticketId(), changed);
    }
    execution.setVariables(recorded);
  }

  /**
   * The review round is the number of review tasks this instance has had, as the engine's history counts them
   * (the model's start listener increments the variable once per review task). Without task history there is
   * nothing to count and the variable stays as it is.
   */
  private static Optional<Integer> reviewRound(DelegateTask task) {
    // The count must not depend on what the completing user may read.
    long reviews = Context.getCommandContext().runWithoutAuthorization(() ->
        task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
            .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(BpmnIds.TASK_REVIEW_REQUEST).count());
    return reviews == 0 ? Optional.empty() : Optional.of((int) reviews);
  }
}
