package com.snapdesk.security;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The four filter chains on stand-in endpoints, with Camunda's identity service mocked: who gets through where,
 * and that the stateless chains neither ask for a CSRF token nor start a session.
 */
@WebMvcTest
class SecurityChainsTest {

  @Configuration(proxyBeanMethods = false)
  @Import({SecurityChains.CamundaPaths.class, SecurityChains.ManagerEndpoints.class, SecurityChains.CustomerApi.class,
      SecurityChains.Portal.class, StandIns.class})
  static class Slice {
    /** The real adapter on a mocked engine (not a bean: the coverage listener would take it for a real one). */
    @Bean CamundaIdentityAuthentication camundaIdentityAuthentication() {
      return new CamundaIdentityAuthentication(ENGINE);
    }
  }

  static final ProcessEngine ENGINE = Mockito.mock(ProcessEngine.class);

  /** One endpoint behind each chain. */
  @RestController
  static class StandIns {
    @RequestMapping({"/api/sla/dashboard", "/api/drills/next", "/actuator/prometheus", "/actuator/health",
        "/camunda/api/admin/thing", "/engine-rest/task", "/api/tickets/SD-1/verify", "/tickets/SD-1/cancel"})
    String ok() {
      return "ok";
    }
  }

  @Autowired MockMvc mvc;
  private final ProcessEngine engine = ENGINE;

  @BeforeEach
  void camundaUsers() {
    Mockito.reset(engine);
    IdentityService identity = Mockito.mock(IdentityService.class);
    given(engine.getIdentityService()).willReturn(identity);
    given(engine.getName()).willReturn("default");
    given(identity.checkPassword(anyString(), anyString())).willAnswer(i -> i.getArgument(0).equals(i.getArgument(1)));
    GroupQuery query = Mockito.mock(GroupQuery.class);
    given(identity.createGroupQuery()).willReturn(query);
    given(query.groupMember(anyString())).willAnswer(i -> {
      GroupQuery forUser = Mockito.mock(GroupQuery.class);
      List<Group> groups = switch ((String) i.getArgument(0)) {
        case "mona" -> List.of(group("managers"));
        case "admin" -> List.of(group("camunda-admin"));
        default -> List.of(group("support-agents"));
      };
      given(forUser.list()).willReturn(groups);
      return forUser;
    });
  }

  private static Group group(String id) {
    Group group = Mockito.mock(Group.class);
    given(group.getId()).willReturn(id);
    return group;
  }

  @Test
  void managerEndpointsTakeManagersAndAdministratorsByHttpBasic() throws Exception {
    mvc.perform(get("/api/sla/dashboard").with(basic("mona"))).andExpect(status().isOk())
        .andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"));
    mvc.perform(get("/api/drills/next").with(basic("admin"))).andExpect(status().isOk());
    mvc.perform(get("/actuator/prometheus").with(basic("mona"))).andExpect(status().isOk());
    mvc.perform(get("/api/sla/dashboard").with(basic("alice"))).andExpect(status().isForbidden())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")));
  }

  @Test
  void aLoginOnTheManagerEndpointsLeavesTheSessionsIdAlone() throws Exception {
    // given a browser with a session (Cockpit's), calling the dashboard data
    var session = new MockHttpSession(null, "cockpit-session");
    mvc.perform(get("/api/sla/dashboard").session(session).with(basic("mona"))).andExpect(status().isOk());
    // then the session keeps its id: Cockpit's calls with it still work
    org.assertj.core.api.Assertions.assertThat(session.getId()).isEqualTo("cockpit-session");
  }

  @Test
  void anonymousCallersMustLogInButOnlyActuatorAsksForHttpBasic() throws Exception {
    mvc.perform(get("/api/sla/dashboard")).andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("WWW-Authenticate"))
        .andExpect(content().string(containsString("\"status\":401")));
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Basic realm=\"Snapdesk\"")));
    mvc.perform(get("/api/sla/dashboard").header("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString("mona:wrong".getBytes()))).andExpect(status().isUnauthorized())
        .andExpect(content().string(containsString("wrong password")));
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  @Test
  void camundasPathsAndTheCustomerApiNeedNoCsrfTokenAndStartNoSession() throws Exception {
    mvc.perform(post("/camunda/api/admin/thing")).andExpect(status().isOk())
        .andExpect(header().doesNotExist("X-Frame-Options"))
        .andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"));
    mvc.perform(post("/engine-rest/task")).andExpect(status().isOk());
    var verify = mvc.perform(post("/api/tickets/SD-1/verify").header("Authorization", "Bearer t")).andReturn();
    org.assertj.core.api.Assertions.assertThat(verify.getResponse().getStatus()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(verify.getRequest().getSession(false)).as("session").isNull();
    org.assertj.core.api.Assertions.assertThat(verify.getResponse().getHeader("Content-Security-Policy")).isNull();
  }

  @Test
  void aPortalPostWithoutTheSessionsTokenIsRefused() throws Exception {
    mvc.perform(post("/tickets/SD-1/cancel").param("token", "t"))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl(SecurityChains.FORM_EXPIRED));
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String user) {
    return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
        .httpBasic(user, user);
  }
}
