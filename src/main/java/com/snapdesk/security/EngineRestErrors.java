package com.snapdesk.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST answers 4xx for what a user did wrong. Camunda wraps what a task listener throws (our decision
 * checks throw {@link BadUserRequestException}) in a ProcessEngineException, and {@code POST /task/{id}/complete}
 * wraps that again in a 500; two agents completing one task end in a NotFoundException or an
 * OptimisticLockingException, also a 500. These mappers look through the causes of an answer that would be a
 * 500: a refused decision is 400 with its message, a task that is gone 404, a concurrent change 409. Everything
 * else keeps Camunda's own answer and its problem format ({@code {"type","message","code"}}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  /** Ahead of Camunda's mappers for the same types (Jersey prefers the lower priority value). */
  static final int PRIORITY = Priorities.USER - 100;

  /** Registered with Camunda's Jersey application through Spring Boot's hook, keeping Camunda's own config. */
  @Bean
  ResourceConfigCustomizer engineRestUserErrors() {
    return config -> config.register(new WrappedInRestException(), PRIORITY)
        .register(new WrappedInEngineException(), PRIORITY);
  }

  /**
   * What to answer instead of a 500 that was the user's doing: an exception Camunda maps to the right 4xx
   * itself; empty when Camunda's own answer stands.
   */
  static Optional<Throwable> userError(Throwable thrown) {
    if (ExceptionHandlerHelper.getInstance().getStatus(thrown) != Status.INTERNAL_SERVER_ERROR) return Optional.empty();
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof AuthorizationException) return Optional.of(cause);
      if (cause instanceof OptimisticLockingException ole) {
        return Optional.of(new InvalidRequestException(Status.CONFLICT, ole,
            "Someone else changed this task at the same moment; reload it and try again."));
      }
      if (cause instanceof NotFoundException || taskIsGone(cause)) {
        return Optional.of(new InvalidRequestException(Status.NOT_FOUND, (Exception) cause, cause.getMessage()));
      }
      // Camunda answers 400 for this exception when it is not wrapped: the same answer, with its own message.
      if (cause instanceof BadUserRequestException refused) return Optional.of(refused);
    }
    return Optional.empty();
  }

  /**
   * Completing a task someone completed a moment ago: the engine's CompleteTaskCmd says so with a
   * NullValueException ("Cannot find task with id …"), not a NotFoundException.
   */
  private static boolean taskIsGone(Throwable cause) {
    return cause instanceof NullValueException && cause.getMessage() != null
        && cause.getMessage().startsWith("Cannot find task");
  }

  static Response answer(Throwable thrown) {
    return ExceptionHandlerHelper.getInstance().getResponse(userError(thrown).orElse(thrown));
  }

  /** Task completion and form submission wrap engine exceptions in a RestException with status 500. */
  static final class WrappedInRestException implements ExtendedExceptionMapper<RestException> {
    @Override public boolean isMappable(RestException e) {
      return userError(e).isPresent();
    }

    @Override public Response toResponse(RestException e) {
      return answer(e);
    }
  }

  /** Other resources let the engine's exception through. */
  static final class WrappedInEngineException implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override public boolean isMappable(ProcessEngineException e) {
      return userError(e).isPresent();
    }

    @Override public Response toResponse(ProcessEngineException e) {
      return answer(e);
    }
  }
}
