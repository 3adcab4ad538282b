package com.snapdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The adapter from Camunda's identity service to Spring Security: staff log in with their Camunda user, and their
 * Camunda groups are their authorities (the group id as is: {@code managers}, {@code camunda-admin}), which is
 * also what Actuator's {@code management.endpoint.health.roles} compares. Groups are read again on every call, not
 * kept in a session, so removing someone from {@code managers} takes effect at once.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

  private final ProcessEngine engine;

  CamundaIdentityAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  /** HTTP Basic: the password is checked by Camunda (which also slows down guessing after wrong ones). */
  @Override
  public org.springframework.security.core.Authentication authenticate(
      org.springframework.security.core.Authentication login) {
    String user = login.getName();
    Object password = login.getCredentials();
    IdentityService identity = engine.getIdentityService();
    if (user == null || user.isEmpty() || !(password instanceof String given) || !identity.checkPassword(user, given)) {
      throw new BadCredentialsException("Unknown user or wrong password.");
    }
    return authenticated(user);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  UsernamePasswordAuthenticationToken authenticated(String user) {
    List<GrantedAuthority> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  /** The Camunda user logged in to this session through a Camunda webapp's login page, if any. */
  String cockpitUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) return null;
    Authentication auth = AuthenticationUtil.getAuthsFromSession(session)
        .getAuthenticationForProcessEngine(engine.getName());
    return auth == null ? null : auth.getIdentityId();
  }

  /**
   * The SLA dashboard runs inside Cockpit, so its calls carry the Cockpit login's session cookie (the session every
   * node shares) rather than credentials. Taken for this request only; HTTP Basic, when sent, comes first.
   */
  static final class CockpitSessionFilter extends OncePerRequestFilter {
    private final CamundaIdentityAuthentication identity;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CockpitSessionFilter(CamundaIdentityAuthentication identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      var current = contexts.getContext().getAuthentication();
      if (current == null || !current.isAuthenticated()
          || current instanceof AnonymousAuthenticationToken) {
        String user = identity.cockpitUser(request);
        if (user != null) {
          var context = contexts.createEmptyContext();
          context.setAuthentication(identity.authenticated(user));
          contexts.setContext(context);
        }
      }
      chain.doFilter(request, response);
    }
  }
}
