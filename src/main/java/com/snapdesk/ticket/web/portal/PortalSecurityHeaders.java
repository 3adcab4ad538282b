package com.snapdesk.ticket.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The portal pages' own browser policy, which the portal's filter chain (security.SecurityChains) writes next to
 * its frame denial, nosniff and HSTS. It lives here because it describes these templates:
 * <ul>
 *   <li>CSP: only this app's own scripts, styles and images, no inline script, forms post only here, no framing;</li>
 *   <li>{@code Referrer-Policy: no-referrer}: the status link's token never travels in a Referer header;</li>
 *   <li>pages are {@code no-store}: they carry a status link or a form token (assets may be cached).</li>
 * </ul>
 */
@Component
class PortalSecurityHeaders implements HeaderWriter {

  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
      "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'");

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/assets/")) {
      response.setHeader("Cache-Control", "no-store");
    }
  }
}
