package dev.jobs.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.apigateway.JobsApiTemplates;
import dev.jobs.local.events.EventBus;
import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the local runtime copies from the deployed stack, checked against the template this CLI
 * deploys (infra and local never compile against each other): the {@code POST /jobs} integration's
 * templates and the alias it invokes, and the archive's description and pattern.
 */
class LocalMatchesStackIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static JsonNode resources;

  @BeforeAll
  static void readThePackagedTemplate() throws IOException {
    try (PackagedAssembly packaged = PackagedAssembly.packaged()) {
      resources =
          JSON.readTree(Files.readAllBytes(packaged.assembly().template())).path("Resources");
    }
  }

  private static List<JsonNode> ofType(String type) {
    List<JsonNode> found = new ArrayList<>();
    resources.forEach(
        resource -> {
          if (resource.path("Type").asString().equals(type)) {
            found.add(resource.path("Properties"));
          }
        });
    return found;
  }

  private static JsonNode postJobsIntegration() {
    return ofType("AWS::ApiGateway::Method").stream()
        .filter(method -> method.path("HttpMethod").asString().equals("POST"))
        .findFirst()
        .orElseThrow()
        .path("Integration");
  }

  @Test
  @DisplayName("POST /jobs has templates for exactly the local stage's content types, and no other")
  void theSubmitIntegrationMapsTheLocalContentTypes() {
    JsonNode integration = postJobsIntegration();

    assertThat(integration.path("PassthroughBehavior").asString()).isEqualTo("NEVER");
    assertThat(integration.path("RequestTemplates").propertyNames())
        .containsExactlyInAnyOrderElementsOf(JobsApiTemplates.MAPPED_CONTENT_TYPES);
  }

  @Test
  @DisplayName("the local stage builds the processing function's payload with the stack's template")
  void theInvocationTemplateIsTheStacks() {
    assertThat(postJobsIntegration().path("RequestTemplates").path("application/json").asString())
        .isEqualTo(JobsApiTemplates.INVOCATION_TEMPLATE);
  }

  @Test
  @DisplayName("POST /jobs invokes the alias the local destination records name")
  void theSubmitIntegrationInvokesTheLocalAlias() {
    String uri = JSON.writeValueAsString(postJobsIntegration().path("Uri"));
    List<String> aliases =
        resources.propertyNames().stream()
            .filter(id -> resources.path(id).path("Type").asString().equals("AWS::Lambda::Alias"))
            .filter(id -> uri.contains("\"" + id + "\""))
            .map(id -> resources.path(id).path("Properties").path("Name").asString())
            .toList();

    assertThat(aliases).containsExactly(LocalStack.PROCESSING_ALIAS);
  }

  @Test
  @DisplayName(
      "the archive has the local archive's description and keeps every event of the account")
  void theArchiveIsDescribedAsLocally() {
    List<JsonNode> archives = ofType("AWS::Events::Archive");

    assertThat(archives).hasSize(1);
    assertThat(archives.get(0).path("Description").asString())
        .isEqualTo(EventBus.ARCHIVE_DESCRIPTION);
    assertThat(JSON.writeValueAsString(archives.get(0).path("EventPattern")))
        .isEqualTo("{\"account\":[{\"Ref\":\"AWS::AccountId\"}]}");
  }
}
