package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;

/** Task work is completing with a decision; the other ways TASK_WORK opens stay shut. */
class TaskShortcutsRefusedTest {

  private final TaskShortcutsRefused.Refuse refuse = new TaskShortcutsRefused.Refuse();

  {
    refuse.setNext(new CommandExecutor() {
      @Override @SuppressWarnings("unchecked") public <T> T execute(Command<T> command) {
        return (T) "executed";
      }
    });
  }

  @Test
  void refusesResolvingAndThrowingAtATask() {
    // given the three commands TASK_WORK allows besides claim and complete
    // when a caller runs them, then the engine refuses with the reason
    for (Command<?> command : new Command<?>[] {new ResolveTaskCmd("t1", Map.of("environment", "staging")),
        new HandleTaskBpmnErrorCmd("t1", "anything", null, Map.of()),
        new HandleTaskEscalationCmd("t1", "anything", Map.of())}) {
      assertThatThrownBy(() -> refuse.execute(command)).isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("not part of the process");
    }
  }

  @Test
  void letsCompletionThrough() {
    // given a completion, when run, then it reaches the engine (the complete listeners check it)
    assertThat((Object) refuse.execute(new CompleteTaskCmd("t1", Map.of()))).isEqualTo("executed");
  }
}
