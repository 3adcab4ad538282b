package com.snapdesk.notify;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders emails from {@code templates/mail/}; templates see {@code view}, {@code kind} and
 * {@code subject}. Uses its own engines rather than the web one so that mail templates resolve the
 * same way with or without a web context.
 */
public class MailRenderer {

  static final String TEMPLATE_PREFIX = "templates/mail/";

  private static final ApplicationContext NO_BEANS = new GenericApplicationContext();

  private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  public RenderedMail render(MailKind kind, MailView view) {
    kind.requireComplete(view);
    String subject = "[" + view.ticketId() + "] " + kind.subject();
    // The status link carries the customer's secret: a template for anyone else cannot show it, even by mistake.
    MailView shown = kind.toCustomer() ? view : view.toBuilder().statusUrl("").build();
    var context = new Context(Locale.ENGLISH, Map.of("view", shown, "kind", kind, "subject", subject,
        // Without one, Thymeleaf builds a bare SpEL context per render whose property accessors start with empty
        // caches: every ${view.…} then looked its getter up by reflection again, a third of a mail's rendering.
        // This one shares Thymeleaf's accessors (warm caches) and resolves no beans: mail templates call none.
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(NO_BEANS, null)));
    return new RenderedMail(subject,
        text.process(kind.templateName(), context),
        html.process(kind.templateName(), context));
  }

  private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
    var resolver = new ClassLoaderTemplateResolver(MailRenderer.class.getClassLoader());
    resolver.setPrefix(TEMPLATE_PREFIX);
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
