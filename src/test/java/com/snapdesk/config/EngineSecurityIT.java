package com.snapdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.snapdesk.support.EmbeddedAppTest;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Engine REST needs a Camunda login, and authorization limits what each group may do. */
@EmbeddedAppTest
class EngineSecurityIT {

  @LocalServerPort int port;
  @Autowired IdentityBootstrap bootstrap;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;

  private int status(HttpMethod method, String path, String user, String password) {
    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> {}).build();
    var spec = http.method(method).uri(path).headers(h -> { if (user != null) h.setBasicAuth(user, password); });
    if (method == HttpMethod.POST) {
      spec = spec.contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("profile", Map.of("id", "eve"), "credentials", Map.of("password", "eve-secret")));
    }
    return spec.retrieve().toBodilessEntity().getStatusCode().value();
  }

  private int status(HttpMethod method, String path, String demoUser) {
    return status(method, path, demoUser, demoUser);
  }

  @Test
  void engineRestRefusesAnonymousCallersAndWrongPasswords() {
    assertThat(status(HttpMethod.GET, "/engine-rest/task", null)).isEqualTo(401);
    assertThat(status(HttpMethod.GET, "/engine-rest/process-definition", null)).isEqualTo(401);
    assertThat(status(HttpMethod.GET, "/engine-rest/task", "bob", "not-his-password")).isEqualTo(401);
  }

  @Test
  void agentsAndManagersCannotAdministerTheEngine() {
    assertThat(status(HttpMethod.GET, "/engine-rest/task", "alice")).isEqualTo(200);
    assertThat(status(HttpMethod.POST, "/engine-rest/user/create", "alice")).isEqualTo(403);
    assertThat(status(HttpMethod.POST, "/engine-rest/user/create", "mona")).isEqualTo(403);
  }

  @Test
  void managersReadTheProcessAndItsHistory() {
    assertThat(status(HttpMethod.GET, "/engine-rest/process-definition/key/BackupRetrieval", "mona")).isEqualTo(200);
    assertThat(status(HttpMethod.GET,
        "/engine-rest/history/process-instance?processDefinitionKey=BackupRetrieval", "mona")).isEqualTo(200);
  }

  @Test
  void bootstrapIsIdempotent() {
    // given the groups, grants and filter created at start-up
    long groups = identity.createGroupQuery().count();
    long grants = authorizations.createAuthorizationQuery().count();
    long taskFilters = filters.createTaskFilterQuery().count();

    // when another node (or a restart) runs the bootstrap again
    bootstrap.bootstrap();

    // then nothing is duplicated
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    assertThat(filters.createTaskFilterQuery().count()).isEqualTo(taskFilters);
    assertThat(identity.createGroupQuery().groupIdIn(SnapdeskGroups.SUPPORT_AGENTS, SnapdeskGroups.SUPPORT_LEADS,
        SnapdeskGroups.MANAGERS).count()).isEqualTo(3);
  }
}
