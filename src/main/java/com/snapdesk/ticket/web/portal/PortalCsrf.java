package com.snapdesk.ticket.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * CSRF protection for the portal's forms (synchronizer token): one random token per session, rendered into
 * every form as {@value #PARAMETER}, and required on every POST the portal handles. The JSON API, engine REST
 * and the Camunda webapps are not routed here; they have their own protection.
 */
final class PortalCsrf implements HandlerInterceptor {

  static final String PARAMETER = "_csrf";
  private static final String SESSION_ATTRIBUTE = PortalCsrf.class.getName() + ".token";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The session's token, created with the session on first use. */
  static String token(HttpServletRequest request) {
    HttpSession session = request.getSession(true);
    Object token = session.getAttribute(SESSION_ATTRIBUTE);
    if (token instanceof String existing) return existing;
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(SESSION_ATTRIBUTE, created);
    return created;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"POST".equalsIgnoreCase(request.getMethod())) return true;
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
    String given = request.getParameter(PARAMETER);
    if (!(expected instanceof String token) || given == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      throw new FormExpiredException();
    }
    return true;
  }

  /** The form did not carry this session's token: forged, or sent after the session expired. */
  static final class FormExpiredException extends RuntimeException {
    FormExpiredException() {
      super("portal form without a valid CSRF token");
    }
  }
}
