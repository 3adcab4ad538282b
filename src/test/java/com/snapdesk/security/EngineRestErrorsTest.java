package com.snapdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which engine REST 500s were the user's doing, and what they answer instead. */
class EngineRestErrorsTest {

  /** As TaskResourceImpl.complete wraps whatever the engine threw. */
  private static RestException completing(Exception engine) {
    return new RestException(Status.INTERNAL_SERVER_ERROR, engine, "Cannot complete task t1: " + engine.getMessage());
  }

  private static String message(Response response) {
    return ((ExceptionDto) response.getEntity()).getMessage();
  }

  @Test
  void aRefusedDecisionIs400WithTheListenersMessage() {
    // given the review listener refused the decision and the engine wrapped that twice
    var thrown = completing(new ProcessEngineException("Exception while invoking TaskListener",
        new BadUserRequestException("decision: Choose approve, reject or ask-customer.")));

    // when engine REST answers
    Response response = EngineRestErrors.answer(thrown);

    // then the agent reads 400 and the reason, in Camunda's format
    assertThat(new EngineRestErrors.WrappedInRestException().isMappable(thrown)).isTrue();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) response.getEntity()).getType()).isEqualTo("BadUserRequestException");
    assertThat(message(response)).isEqualTo("decision: Choose approve, reject or ask-customer.");
  }

  @Test
  void aTaskCompletedAMomentAgoIs404AndAConcurrentCompletion409() {
    // given the task was gone, or changed under the completion
    var gone = completing(new NullValueException("Cannot find task with id t1: task is null"));
    var raced = completing(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed"));

    // when engine REST answers, then the second agent is told so, not a server error
    assertThat(EngineRestErrors.answer(gone).getStatus()).isEqualTo(404);
    assertThat(EngineRestErrors.answer(raced).getStatus()).isEqualTo(409);
    assertThat(message(EngineRestErrors.answer(raced))).contains("reload");
  }

  @Test
  void keepsCamundasOwnAnswersForEverythingElse() {
    // given a forbidden call, a bad request Camunda already answers 400, and a real server error
    var forbidden = new AuthorizationException("alice has no UPDATE on task t1");
    var badRequest = new InvalidRequestException(Status.BAD_REQUEST, "Cannot convert value");
    var broken = completing(new ProcessEngineException("database is down"));
    var otherNull = new ProcessEngineException("boom", new NullValueException("execution is null"));

    // when classified, then none is changed: Camunda's mappers answer them (403, 400, 500, 500)
    assertThat(EngineRestErrors.userError(forbidden)).isEmpty();
    assertThat(EngineRestErrors.userError(badRequest)).isEmpty();
    assertThat(EngineRestErrors.userError(broken)).isEmpty();
    assertThat(new EngineRestErrors.WrappedInEngineException().isMappable(otherNull)).isFalse();
    assertThat(EngineRestErrors.answer(broken).getStatus()).isEqualTo(500);
  }
}
