package com.snapdesk.security;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Oversized bodies are refused with 413 problem+json before a controller, a form binder or a use case sees
 * them: by their Content-Length, or, for chunked JSON, after reading at most one byte past the limit. A
 * chunked form is refused with 411, because the servlet container parses form fields from the raw stream.
 * JSON nested deeper than the limit fails Jackson's own stream constraint (400 from the API's handler).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebLimitsProperties.class)
class RequestBodyLimit {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> requestBodyLimitFilter(WebLimitsProperties limits, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits.maxBodySize().toBytes(), json));
    registration.setName("snapdesk-request-body-limit");
    registration.addUrlPatterns("/*");
    // before anything that reads parameters or the body (the portal's rate limit and CSRF check, Spring MVC)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer jsonNestingLimit(WebLimitsProperties limits) {
    return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonNestingDepth()).build()));
  }

  /** Forms parsed by Tomcat itself obey the same bound (Tomcat's default is 2 MB). */
  @Bean
  TomcatConnectorCustomizer formPostLimit(WebLimitsProperties limits) {
    return connector -> connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, limits.maxBodySize().toBytes()));
  }

  static final class BodyLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final ObjectMapper json;

    BodyLimitFilter(long maxBytes, ObjectMapper json) {
      this.maxBytes = maxBytes;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      // Camunda's webapps and engine REST (deployments, file variables) have their own limits.
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      long declared = request.getContentLengthLong();
      if (declared > maxBytes) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request is too large",
            "Send at most " + maxBytes + " bytes.");
        return;
      }
      boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
      if (!chunked) {
        chain.doFilter(request, response);
        return;
      }
      if (isForm(request)) {
        refuse(response, HttpStatus.LENGTH_REQUIRED, "length-required", "Content-Length is required",
            "Send forms with a Content-Length header.");
        return;
      }
      byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The request is too large",
            "Send at most " + maxBytes + " bytes.");
        return;
      }
      chain.doFilter(new BufferedBody(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
      String type = request.getContentType();
      return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
          || type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
        throws IOException {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "https://snapdesk.example/problems/" + type);
      problem.put("title", title);
      problem.put("status", status.value());
      problem.put("detail", detail);
      problem.put("errors", List.of(Map.of("field", "body", "message", detail)));
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      // the client may still be sending: do not keep the connection for the rest of it
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), problem);
    }
  }

  /** A chunked body already read (and bounded) by the filter, served again to whoever reads it next. */
  static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override public int read() { return in.read(); }
        @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
        @Override public boolean isFinished() { return in.available() == 0; }
        @Override public boolean isReady() { return true; }
        @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
