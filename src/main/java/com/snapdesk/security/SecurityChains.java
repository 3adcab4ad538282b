package com.snapdesk.security;

import com.snapdesk.identity.Groups;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security's filter chains, one per kind of caller, first match wins:
 * <ol>
 *   <li>{@code /camunda/**}, {@code /engine-rest/**}: Camunda's own login, CSRF filter and headers do the work;
 *       this chain only lets the request through untouched (no session, no CSRF, no headers);</li>
 *   <li>{@code /api/sla/**}, {@code /api/drills/**}, Actuator: managers and administrators, by HTTP Basic against
 *       Camunda's identity service or by their Cockpit session; {@code /actuator/health} stays open for load
 *       balancers (details for managers only);</li>
 *   <li>the rest of {@code /api/**} (the customer API, {@code /api/tickets/{id}/verify} included): stateless —
 *       the per-ticket bearer token is checked by the API itself, so no session and no CSRF token here;</li>
 *   <li>everything else is the portal: CSRF tokens kept in the (shared, JDBC) session, and browser hardening.</li>
 * </ol>
 * Each chain is its own configuration so a web slice test can import the one its controller sits behind.
 */
public final class SecurityChains {

  /** Where a portal form without this session's CSRF token is answered (the portal renders it; a forward). */
  static final String FORM_EXPIRED = "/form-expired";

  private SecurityChains() {}

  static RequestMatcher paths(String... patterns) {
    var builder = PathPatternRequestMatcher.withDefaults();
    RequestMatcher[] matchers = new RequestMatcher[patterns.length];
    for (int i = 0; i < patterns.length; i++) matchers[i] = builder.matcher(patterns[i]);
    return new OrRequestMatcher(matchers);
  }

  @Configuration(proxyBeanMethods = false)
  public static class CamundaPaths {
    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
      return http.securityMatcher(paths("/camunda/**", "/engine-rest/**"))
          .authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .csrf(AbstractHttpConfigurer::disable)
          .headers(AbstractHttpConfigurer::disable)
          .requestCache(AbstractHttpConfigurer::disable)
          .servletApi(AbstractHttpConfigurer::disable)
          .anonymous(AbstractHttpConfigurer::disable)
          .logout(AbstractHttpConfigurer::disable)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  public static class ManagerEndpoints {
    static final String CAMUNDA_ADMIN = "camunda-admin";

    @Bean
    @Order(2)
    SecurityFilterChain managerChain(HttpSecurity http, CamundaIdentityAuthentication identity) throws Exception {
      var problems = new ManagerProblems();
      return http.securityMatcher(paths("/api/sla/**", "/api/drills/**", "/actuator", "/actuator/**"))
          .authorizeHttpRequests(a -> a
              .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
              .anyRequest().hasAnyAuthority(Groups.MANAGERS, CAMUNDA_ADMIN))
          .authenticationManager(new ProviderManager(identity))
          .httpBasic(b -> b.realmName("Snapdesk").authenticationEntryPoint(problems::unauthorized))
          .addFilterAfter(new CamundaIdentityAuthentication.CockpitSessionFilter(identity),
              BasicAuthenticationFilter.class)
          .exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized)
              .accessDeniedHandler(problems::forbidden))
          .csrf(AbstractHttpConfigurer::disable) // no cookie-only login: Basic or the Cockpit session (SameSite=Lax)
          .requestCache(AbstractHttpConfigurer::disable)
          // the Cockpit session is Camunda's: changing its id (session fixation protection, as for a login made
          // here) would log out Cockpit's own calls running at the same moment
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
              .sessionFixation(f -> f.none()))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  public static class CustomerApi {
    @Bean
    @Order(3)
    SecurityFilterChain customerApiChain(HttpSecurity http) throws Exception {
      return http.securityMatcher(paths("/api/**"))
          .authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .csrf(AbstractHttpConfigurer::disable)
          .requestCache(AbstractHttpConfigurer::disable)
          .logout(AbstractHttpConfigurer::disable)
          .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  public static class Portal {
    /**
     * @param pageHeaders the pages' own header policy (the portal's CSP lives with its templates, which it
     *                    describes: ticket.web.portal.PortalSecurityHeaders)
     */
    @Bean
    @Order(4)
    SecurityFilterChain portalChain(HttpSecurity http, ObjectProvider<HeaderWriter> pageHeaders) throws Exception {
      var expired = new AccessDeniedHandlerImpl();
      expired.setErrorPage(FORM_EXPIRED);
      return http
          .authorizeHttpRequests(a -> a.anyRequest().permitAll())
          // the token lives in the HTTP session, which Spring Session keeps in the database for every node
          .csrf(c -> c.ignoringRequestMatchers(r -> r.getDispatcherType() == DispatcherType.ERROR))
          .exceptionHandling(e -> e.accessDeniedHandler(expired))
          .headers(h -> {
            h.frameOptions(f -> f.deny());
            h.httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true));
            h.cacheControl(c -> c.disable()); // the pages say no-store themselves
            pageHeaders.orderedStream().forEach(h::addHeaderWriter);
          })
          .requestCache(AbstractHttpConfigurer::disable)
          .logout(AbstractHttpConfigurer::disable)
          .build();
    }
  }

  /** 401 and 403 as problem+json. Only Actuator challenges for HTTP Basic: inside Cockpit a login popup is wrong. */
  static final class ManagerProblems {
    void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
      boolean actuator = path(request).startsWith("/actuator");
      if (actuator) response.setHeader("WWW-Authenticate", "Basic realm=\"Snapdesk\", charset=\"UTF-8\"");
      boolean wrongPassword = e instanceof BadCredentialsException;
      write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", wrongPassword
          ? "Unknown user or wrong password."
          : actuator ? "Log in with HTTP Basic as a Snapdesk manager or administrator."
          : "Log in to Camunda Cockpit as a manager to see these figures.");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
      write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "Only managers and administrators may see SLA figures and operations endpoints.");
    }

    private static String path(HttpServletRequest request) {
      return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void write(HttpServletResponse response, int status, String title, String detail)
        throws IOException {
      response.setStatus(status);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
          + ",\"detail\":\"" + detail + "\"}");
    }
  }
}
