package com.snapdesk.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * TASK_WORK, the least a candidate needs to complete a task, also lets them resolve it and throw a BPMN error or
 * an escalation at it, each with variables and without the complete listeners that check the decision and put
 * the recorded values back. Snapdesk's model uses none of them (no delegation, no error or escalation events on
 * user tasks), so the engine refuses them for everyone.
 */
@Component
class TaskShortcutsRefused extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "Review and lead tasks end only by completing them with a decision;"
      + " resolving them or throwing a BPMN error or escalation at them is not part of the process.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<CommandInterceptor>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new Refuse());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static boolean refused(Command<?> command) {
    return command instanceof ResolveTaskCmd || command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd;
  }

  static final class Refuse extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (refused(command)) throw new BadUserRequestException(REFUSAL);
      return next.execute(command);
    }
  }
}
