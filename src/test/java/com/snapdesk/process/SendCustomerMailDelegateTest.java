package com.snapdesk.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.snapdesk.notify.MailKind;
import com.snapdesk.ticket.SendCustomerMail;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class SendCustomerMailDelegateTest {

  private final SendCustomerMail mail = mock(SendCustomerMail.class);
  private final SendCustomerMailDelegate delegate = new SendCustomerMailDelegate(mail);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  SendCustomerMailDelegateTest() {
    when(execution.getProcessBusinessKey()).thenReturn("SD-1");
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getCurrentActivityId()).thenReturn(BpmnIds.TASK_SEND_CLOSURE);
  }

  @Test
  void theKindNamedInTheExpressionIsSentWithTheTasksDedupKey() throws Exception {
    // when the model's ${sendCustomerMailDelegate.of('CLOSED')} runs
    delegate.of("CLOSED").execute(execution);

    // then the closure mail goes out once per instance, task and round
    verify(mail).send("SD-1", MailKind.CLOSED, "pi-1:" + BpmnIds.TASK_SEND_CLOSURE + ":0");
  }

  @Test
  void aTicketOnAModelVersionWithTheKindAsInputParameterStillGetsItsMail() throws Exception {
    // given a task of an earlier model version: ${sendCustomerMailDelegate} and the input parameter mailKind
    when(execution.getVariable(VariableNames.MAIL_KIND)).thenReturn("CLOSED");

    // when it runs
    delegate.execute(execution);

    // then
    verify(mail).send("SD-1", MailKind.CLOSED, "pi-1:" + BpmnIds.TASK_SEND_CLOSURE + ":0");
  }

  @Test
  void anUnknownKindFailsWithTheKindsThereAre() {
    assertThatThrownBy(() -> delegate.of("CLOSD")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLOSD").hasMessageContaining("RESTORE_INSTRUCTIONS");
  }
}
