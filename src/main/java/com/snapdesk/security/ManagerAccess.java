package com.snapdesk.security;

import com.snapdesk.identity.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SLA figures and operations endpoints are for managers and administrators: the SLA dashboard's data
 * ({@code /api/sla/**}) and Actuator ({@code /actuator/**}, health aside). Callers log in against Camunda's
 * identity service, either through the Cockpit session (the dashboard runs inside Cockpit, so its calls
 * carry that session's cookie) or with HTTP Basic, as engine REST does (scripts, Prometheus).
 *
 * <p>Group memberships are read again on every call rather than taken from the session, so removing
 * someone from {@code managers} takes effect at once. {@code /actuator/health} stays open for load
 * balancers; an authorized caller sees its details (the wrapped request answers {@code isUserInRole}
 * with the caller's Camunda groups, which is what Actuator asks).
 */
@Configuration(proxyBeanMethods = false)
class ManagerAccess {

  static final Set<String> ALLOWED_GROUPS = Set.of(Groups.MANAGERS, "camunda-admin");

  @Bean
  FilterRegistrationBean<ManagerAccessFilter> managerAccessFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new ManagerAccessFilter(engine));
    registration.setName("snapdesk-manager-access");
    registration.addUrlPatterns("/api/sla/*", "/api/drills", "/api/drills/*", "/actuator", "/actuator/*");
    // after Spring Session's filter (HIGHEST_PRECEDENCE + 50), so the Cockpit session it reads is the shared one
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  static final class ManagerAccessFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    ManagerAccessFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean actuator = path.startsWith("/actuator");
      boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
      String user;
      try {
        user = caller(request);
      } catch (BadCredentials e) {
        problem(response, actuator, HttpServletResponse.SC_UNAUTHORIZED, "Unknown user or wrong password.");
        return;
      }
      if (user == null) {
        if (open) {
          chain.doFilter(request, response);
        } else {
          problem(response, actuator, HttpServletResponse.SC_UNAUTHORIZED, actuator
              ? "Log in with HTTP Basic as a Snapdesk manager or administrator."
              : "Log in to Camunda Cockpit as a manager to see SLA figures.");
        }
        return;
      }
      Set<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).collect(Collectors.toUnmodifiableSet());
      if (groups.stream().noneMatch(ALLOWED_GROUPS::contains)) {
        if (open) {
          chain.doFilter(request, response);
        } else {
          problem(response, actuator, HttpServletResponse.SC_FORBIDDEN,
              "Only managers and administrators may see SLA figures and operations endpoints.");
        }
        return;
      }
      chain.doFilter(new CamundaUserRequest(request, user, groups), response);
    }

    /** The Camunda user of this request; null when none; throws on a failed HTTP Basic login. */
    private String caller(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new BadCredentials();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) throw new BadCredentials();
        String user = decoded.substring(0, colon);
        IdentityService identity = engine.getIdentityService();
        if (!identity.checkPassword(user, decoded.substring(colon + 1))) throw new BadCredentials();
        return user;
      }
      HttpSession session = request.getSession(false);
      if (session == null) return null;
      Authentication auth = AuthenticationUtil.getAuthsFromSession(session)
          .getAuthenticationForProcessEngine(engine.getName());
      return auth == null ? null : auth.getIdentityId();
    }

    private static void problem(HttpServletResponse response, boolean basicChallenge, int status, String detail)
        throws IOException {
      // Only Actuator challenges for HTTP Basic: inside Cockpit a browser login popup would be wrong.
      if (status == HttpServletResponse.SC_UNAUTHORIZED && basicChallenge) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Snapdesk\", charset=\"UTF-8\"");
      }
      response.setStatus(status);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      String title = status == HttpServletResponse.SC_UNAUTHORIZED ? "Unauthorized" : "Forbidden";
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
          + ",\"detail\":\"" + detail + "\"}");
    }
  }

  private static final class BadCredentials extends RuntimeException {
    BadCredentials() {
      super(null, null, false, false);
    }
  }

  /** The Camunda user as the servlet API's principal, and their groups as roles. */
  private static final class CamundaUserRequest extends HttpServletRequestWrapper {
    private final String user;
    private final Set<String> groups;

    CamundaUserRequest(HttpServletRequest request, String user, Set<String> groups) {
      super(request);
      this.user = user;
      this.groups = groups;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> user;
    }

    @Override
    public String getRemoteUser() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return groups.contains(role);
    }
  }
}
