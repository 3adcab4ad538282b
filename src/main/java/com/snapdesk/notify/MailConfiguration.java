package com.snapdesk.notify;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires customer mail. The transport is chosen here from an {@link ObjectProvider} rather than with
 * {@code @ConditionalOnBean}, which would depend on the order auto-configurations are processed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail finds its stream provider anew for every body part created and written (StreamProvider.provider()),
    // through the ServiceLoader unless this property names it: in the packaged jar a scan of every nested jar, several
    // per mail (IntakeLoadBenchmark's profile). The property is its documented first choice; an operator's own wins.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  @Bean
  MailRenderer mailRenderer() {
    return new MailRenderer();
  }

  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> mailSender, MailProperties properties,
                              ObjectProvider<Clock> clock) {
    JavaMailSender sender = mailSender.getIfAvailable(); // two senders is a misconfiguration: fail, do not guess
    Clock time = clock.getIfUnique(Clock::systemUTC);
    if (sender != null) {
      if (sender instanceof JavaMailSenderImpl smtp) applyTimeouts(smtp, properties);
      log.info("Customer mail goes over SMTP (spring.mail.host is set)");
      return new SmtpMailTransport(sender, properties.from(), time);
    }
    log.info("Customer mail is written to {} as .eml files (spring.mail.host is not set)",
        properties.outboxDir().toAbsolutePath());
    return new OutboxMailTransport(properties.outboxDir(), properties.from(), time);
  }

  /** JavaMail waits forever by default; these bound every connect, read and write, for smtp and smtps. */
  static void applyTimeouts(JavaMailSenderImpl sender, MailProperties properties) {
    Properties javaMail = sender.getJavaMailProperties();
    for (String protocol : new String[] {"smtp", "smtps"}) {
      javaMail.setProperty("mail." + protocol + ".connectiontimeout", millis(properties.connectTimeout()));
      javaMail.setProperty("mail." + protocol + ".timeout", millis(properties.readTimeout()));
      javaMail.setProperty("mail." + protocol + ".writetimeout", millis(properties.writeTimeout()));
      // Without it Jakarta Mail builds a thread pool and starts a thread for every connection to time its writes:
      // one thread per mail (IntakeLoadBenchmark's profile). Its value is an object, not a string.
      javaMail.put("mail." + protocol + ".executor.writetimeout", WriteTimeouts.EXECUTOR);
    }
  }

  /**
   * One timer thread for every SMTP write timeout of this JVM, not a Spring bean: a ScheduledExecutorService bean
   * would replace the task scheduler Spring Boot configures for {@code @Scheduled}. Jakarta Mail leaves an executor
   * it was given running when the connection closes.
   */
  static final class WriteTimeouts {
    static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "smtp-write-timeouts");
      thread.setDaemon(true);
      return thread;
    });

    static {
      // every write schedules its timeout and cancels it when done: cancelled ones go at once, not when due
      EXECUTOR.setRemoveOnCancelPolicy(true);
    }

    private WriteTimeouts() {}
  }

  private static String millis(java.time.Duration duration) {
    return Long.toString(duration.toMillis());
  }

  /** For the engine side: whether mails that wait for the server can go now. */
  @Bean
  MailServer mailServer(MailTransport mailTransport) {
    return mailTransport::reachable;
  }

  @Bean
  MailTransportHealthIndicator mailTransportHealthIndicator(MailTransport mailTransport) {
    return new MailTransportHealthIndicator(mailTransport);
  }

  @Bean
  SentMailLog sentMailLog(DataSource dataSource) {
    return new SentMailLog(dataSource);
  }

  @Bean
  CustomerMailer customerMailer(MailRenderer mailRenderer, MailTransport mailTransport, SentMailLog sentMailLog,
                                PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
    return new IdempotentCustomerMailer(mailRenderer, mailTransport, sentMailLog, transactionManager,
        clock.getIfUnique(Clock::systemUTC));
  }
}
