package com.snapdesk.ticket.intake;

import com.snapdesk.recovery.RetentionPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IntakeConfiguration {

  @Bean
  MomentNormalizer momentNormalizer(Clock clock) {
    return new MomentNormalizer(clock);
  }

  @Bean
  TicketRequestValidator ticketRequestValidator(MomentNormalizer moments, RetentionPolicy retention, Clock clock) {
    return new TicketRequestValidator(moments, retention, clock);
  }
}
