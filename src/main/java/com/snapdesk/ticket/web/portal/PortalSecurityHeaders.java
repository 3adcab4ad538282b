package com.snapdesk.ticket.web.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser hardening for the customer portal and its assets. The Camunda webapps, engine REST, the JSON API and
 * Actuator keep their own headers and are left alone.
 * <ul>
 *   <li>CSP: only this app's own scripts, styles and images, no inline script, forms post only here, no framing;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: the status link's token never travels in a Referer header;</li>
 *   <li>pages are {@code no-store}: they carry a status link or a form token;</li>
 *   <li>the status link's {@code token} is masked in the query string the rest of the app sees, so request
 *       logging (Spring's DEBUG request lines, error reports) never writes it; the parameter still works.</li>
 * </ul>
 */
@Component
class PortalSecurityHeaders extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
      "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'");

  private static final Pattern TOKEN_IN_QUERY = Pattern.compile("(^|&)(token=)[^&]*");

  private static final List<String> NOT_PORTAL = List.of("/camunda", "/engine-rest", "/api/", "/actuator");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return NOT_PORTAL.stream().anyMatch(path::startsWith) || path.equals("/api");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/assets/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(maskToken(request), response);
  }

  private static HttpServletRequest maskToken(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || !TOKEN_IN_QUERY.matcher(query).find()) return request;
    String masked = TOKEN_IN_QUERY.matcher(query).replaceAll("$1$2[hidden]");
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return masked;
      }
    };
  }
}
