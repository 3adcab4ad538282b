package com.snapdesk.security;

import com.snapdesk.shared.TooManyRequestsException.Action;
import com.snapdesk.ticket.intake.TicketRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where the rate limits apply: before the portal's and the API's handlers for a submission, a reply and a
 * verification, so a refused attempt stores and sends nothing. The controllers only map the refusal (429).
 * <ul>
 *   <li>per address: every POST of those, counted by {@code request.getRemoteAddr()} — the address Tomcat's
 *       RemoteIpValve took from a trusted proxy, never a header a client chose;</li>
 *   <li>per recipient: the email address typed into a submission — the portal's form field, or the API's JSON
 *       body once read (the body is read once, by Spring MVC, so the check sits right after that).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitWeb implements WebMvcConfigurer {

  /** POST paths and what they count as; the portal's and the API's alike. */
  static final Map<String, Action> LIMITED = Map.of(
      "/", Action.SUBMISSION,
      "/api/tickets", Action.SUBMISSION,
      "/tickets/{id}/reply", Action.REPLY,
      "/api/tickets/{id}/replies", Action.REPLY,
      "/tickets/{id}/verify", Action.VERIFICATION,
      "/api/tickets/{id}/verify", Action.VERIFICATION);

  /** The portal's submission: its form carries the typed email address as a request parameter. */
  static final String PORTAL_SUBMISSION = "/";
  static final String EMAIL_FIELD = "customerEmail";

  private final RateLimiter limiter;

  public RateLimitWeb(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ByAddress(limiter)).addPathPatterns(LIMITED.keySet().toArray(String[]::new));
  }

  static final class ByAddress implements HandlerInterceptor {
    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Map<PathPattern, Action> PATTERNS = LIMITED.entrySet().stream()
        .collect(Collectors.toMap(e -> PARSER.parse(e.getKey()), Map.Entry::getValue));

    private final RateLimiter limiter;

    ByAddress(RateLimiter limiter) {
      this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (!"POST".equals(request.getMethod())) return true;
      // parsed already when Spring MVC matched the handler by path patterns (its default)
      var path = (ServletRequestPathUtils.hasParsedRequestPath(request)
          ? ServletRequestPathUtils.getParsedRequestPath(request)
          : ServletRequestPathUtils.parseAndCache(request)).pathWithinApplication();
      PATTERNS.forEach((pattern, action) -> {
        if (pattern.matches(path)) limiter.fromAddress(action, request.getRemoteAddr());
      });
      if (PORTAL_SUBMISSION.equals(path.value())) limiter.forRecipient(request.getParameter(EMAIL_FIELD));
      return true;
    }
  }

  /** The API's submission: the recipient is known once Spring MVC has read the JSON body. */
  @ControllerAdvice
  static class ByRecipientInTheApi extends RequestBodyAdviceAdapter {
    private final RateLimiter limiter;

    ByRecipientInTheApi(RateLimiter limiter) {
      this.limiter = limiter;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
      return targetType == TicketRequest.class;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
                                Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
      if (body instanceof TicketRequest request) limiter.forRecipient(request.customerEmail());
      return body;
    }
  }
}
