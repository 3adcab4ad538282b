package com.snapdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The status link's secret {@code token} is masked in the query string the rest of the app sees, so request
 * logging (Spring's DEBUG request lines, Spring Security's, error reports) never writes it; the parameter itself
 * still works. Camunda's paths carry no such parameter and are left alone.
 */
@Configuration(proxyBeanMethods = false)
class StatusTokenMasking {

  private static final Pattern TOKEN_IN_QUERY = Pattern.compile("(^|&)(token=)[^&]*");

  @Bean
  FilterRegistrationBean<MaskingFilter> statusTokenMaskingFilter() {
    var registration = new FilterRegistrationBean<>(new MaskingFilter());
    registration.setName("snapdesk-status-token-masking");
    registration.addUrlPatterns("/tickets/*");
    // before Spring Session (HIGHEST_PRECEDENCE + 50) and Spring Security (-100), which may log the request
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  static final class MaskingFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      chain.doFilter(masked(request), response);
    }
  }

  static HttpServletRequest masked(HttpServletRequest request) {
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
