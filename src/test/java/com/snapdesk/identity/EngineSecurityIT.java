package com.snapdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.snapdesk.support.EmbeddedAppTest;
import java.util.List;
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
  @Autowired ObjectMapper json;

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
  void tasklistOffersTheSlaFiltersToEachGroup() throws Exception {
    // given the filters created at start-up
    // when an agent and a lead list their Tasklist filters over engine REST, as Tasklist does
    List<String> agent = filterNames("alice");
    List<String> lead = filterNames("leo");

    // then agents see theirs, and only leads (and managers) the lead approvals
    assertThat(agent).contains(TasklistFilters.MY_TICKETS, TasklistFilters.UNASSIGNED_REVIEWS,
        TasklistFilters.PRODUCTION, TasklistFilters.DUE_WITHIN_1H, TasklistFilters.OVERDUE)
        .doesNotContain(TasklistFilters.LEAD_APPROVALS);
    assertThat(lead).contains(TasklistFilters.LEAD_APPROVALS, TasklistFilters.MY_TICKETS, TasklistFilters.OVERDUE);

    // and each exists once, sorted by due date, shows ticket, environment and requested time, and runs
    for (var spec : TasklistFilters.SPECS) {
      var filter = filters.createTaskFilterQuery().filterName(spec.name()).singleResult();
      assertThat(json.writeValueAsString(filter.getProperties().get("variables")))
          .contains("ticketId", "environment", "requestedLocal");
      JsonNode stored = json.readTree(body("/engine-rest/filter/" + filter.getId(), "leo"));
      assertThat(stored.at("/query/sorting/0/sortBy").asText()).as(spec.name()).isEqualTo("dueDate");
      assertThat(status(HttpMethod.GET, "/engine-rest/filter/" + filter.getId() + "/list", "leo"))
          .as(spec.name()).isEqualTo(200);
    }
  }

  private List<String> filterNames(String user) throws Exception {
    return json.readTree(body("/engine-rest/filter?resourceType=Task", user)).findValuesAsText("name");
  }

  private String body(String path, String user) {
    return RestClient.create("http://localhost:" + port).get().uri(path)
        .headers(h -> h.setBasicAuth(user, user)).retrieve().body(String.class);
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
    assertThat(identity.createGroupQuery().groupIdIn(Groups.SUPPORT_AGENTS, Groups.SUPPORT_LEADS,
        Groups.MANAGERS).count()).isEqualTo(3);
  }
}
