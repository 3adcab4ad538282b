package com.snapdesk.support.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SSM Run Command behind WireMock, speaking AWS JSON 1.1 ({@code X-Amz-Target: AmazonSSM.*}): a command is unknown to
 * GetCommandInvocation on the first look, in progress on the next, then ends with the configured status.
 */
public final class FakeSsm implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "fake-ssm";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> sent = new ArrayList<>();
  private final Map<String, Integer> looks = new HashMap<>();
  private String outcome = "Success";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  public synchronized void reset() {
    sent.clear();
    looks.clear();
    outcome = "Success";
  }

  /** How commands end: Success, Failed, TimedOut... */
  public synchronized void commandsEnd(String status) {
    outcome = status;
  }

  /** The SendCommand requests as sent (JSON). */
  public synchronized List<JsonNode> sentCommands() {
    return List.copyOf(sent);
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
    String target = serveEvent.getRequest().getHeader("X-Amz-Target");
    try {
      JsonNode body = JSON.readTree(serveEvent.getRequest().getBodyAsString());
      return switch (target) {
        case "AmazonSSM.SendCommand" -> {
          sent.add(body);
          String id = UUID.randomUUID().toString();
          looks.put(id, 0);
          ObjectNode command = JSON.createObjectNode();
          command.put("CommandId", id).put("DocumentName", body.path("DocumentName").asText()).put("Status", "Pending");
          command.set("InstanceIds", body.path("InstanceIds"));
          yield ok(JSON.createObjectNode().set("Command", command));
        }
        case "AmazonSSM.GetCommandInvocation" -> {
          String id = body.path("CommandId").asText();
          Integer seen = looks.get(id);
          if (seen == null || seen == 0) {
            if (seen != null) looks.put(id, 1);
            yield error("InvocationDoesNotExist", "Command " + id + " is not known yet");
          }
          looks.put(id, seen + 1);
          String status = seen == 1 ? "InProgress" : outcome;
          ObjectNode answer = JSON.createObjectNode();
          answer.put("CommandId", id).put("InstanceId", body.path("InstanceId").asText()).put("Status", status)
              .put("StatusDetails", status).put("StandardOutputContent", "")
              .put("StandardErrorContent", "Success".equals(status) || "InProgress".equals(status) ? ""
                  : "mount: /mnt/recovery: wrong fs type");
          yield ok(answer);
        }
        default -> error("InvalidAction", "Unknown target " + target);
      };
    } catch (Exception e) {
      return error("InternalServerError", e.toString());
    }
  }

  private static ResponseDefinition ok(JsonNode body) {
    return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body.toString()).build();
  }

  private static ResponseDefinition error(String type, String message) {
    return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", type)
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").build();
  }
}
