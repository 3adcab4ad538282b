package com.snapdesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailViewTest {

  @Test
  void toBuilderKeepsEveryField() throws ReflectiveOperationException {
    // given a view with every field set, so that a field the builder forgets shows up
    var view = MailViews.complete().interpretationNote(MailViews.NOTE)
        .resolutionExplanation("The nearest point before the requested time.").drillFailure(MailViews.DRILL_FAILURE)
        .retrievalEstimate("Once approved, similar retrievals were ready in about 40 minutes.").build();
    for (RecordComponent component : MailView.class.getRecordComponents()) {
      Object value = component.getAccessor().invoke(view);
      assertThat(value).as("the test view leaves %s empty", component.getName()).isNotNull();
      if (value instanceof List<?> list) assertThat(list).as(component.getName()).isNotEmpty();
    }

    // when copying it through its builder
    var copy = view.toBuilder().build();

    // then nothing is lost
    assertThat(copy).isEqualTo(view);
  }

  @Test
  void anAbsentThreadIsEmpty() {
    assertThat(MailViews.complete().conversation(null).build().conversation()).isEmpty();
  }
}
