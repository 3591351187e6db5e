package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.roleOf;
import static dev.jobs.infra.TemplateFacts.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KindsLayerTest extends DefaultStackFacts {
  private static String layer;

  @BeforeAll
  static void findTheResources() {
    layer = onlyLogicalId(template, "AWS::Lambda::LayerVersion");
  }

  private static Map<String, Object> resource(String logicalId) {
    @SuppressWarnings("unchecked")
    Map<String, Object> resource =
        (Map<String, Object>)
            ((Map<String, Object>) template.toJSON().get("Resources")).get(logicalId);
    return resource;
  }

  private static String condition() {
    return (String) resource(layer).get("Condition");
  }

  @Test
  @DisplayName("the kinds layer's key is a parameter, empty (no layer) by default")
  void keyParameterIsEmptyByDefault() {
    template.hasParameter(StackParameters.KINDS_LAYER_KEY, Map.of("Type", "String", "Default", ""));
  }

  @Test
  @DisplayName(
      "the kinds layer is the uploaded zip in the asset bucket, made only when the key is set")
  void layerIsTheUploadedZipOnlyWhenSet() {
    assertThat(properties(template, layer))
        .containsEntry(
            "Content",
            Map.of(
                "S3Bucket",
                Map.of("Fn::Sub", JobsStack.ASSET_BUCKET),
                "S3Key",
                ref(StackParameters.KINDS_LAYER_KEY)))
        .containsEntry("CompatibleRuntimes", List.of("java21"));
    template.hasCondition(
        condition(),
        Map.of(
            "Fn::Not",
            List.of(Map.of("Fn::Equals", List.of(ref(StackParameters.KINDS_LAYER_KEY), "")))));
  }

  @Test
  @DisplayName("the processing function takes the kinds layer when there is one")
  void processingFunctionTakesTheLayer() {
    String processor = functionOf(template, JobProcessing.HANDLER);
    assertThat(properties(template, processor))
        .containsEntry("Layers", layersIfSet())
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
  }

  @Test
  @DisplayName("the error-handling function takes the kinds layer when there is one")
  void errorHandlerTakesTheLayer() {
    String handler = functionOf(template, FailedJobs.HANDLER);
    assertThat(properties(template, handler)).containsEntry("Layers", layersIfSet());
  }

  private static Map<String, Object> layersIfSet() {
    return Map.of(
        "Fn::If", List.of(condition(), List.of(ref(layer)), Map.of("Ref", "AWS::NoValue")));
  }

  @Test
  @DisplayName("a change of the kinds layer publishes a new processing version for the alias")
  void layerChangePublishesAVersion() {
    String processor = functionOf(template, JobProcessing.HANDLER);
    String version = versionOf(template, processor);
    assertThat(properties(template, version).get("Description").toString())
        .contains(StackParameters.KINDS_LAYER_KEY);
  }

  @Test
  @DisplayName(
      "the managed-policy ARNs are a parameter, empty by default, for the processing role alone")
  void policyArnsParameterForTheProcessingRoleAlone() {
    template.hasParameter(
        StackParameters.PROCESSING_POLICY_ARNS,
        Map.of("Type", "CommaDelimitedList", "Default", ""));
    String handler = functionOf(template, FailedJobs.HANDLER);
    assertThat(properties(template, roleOf(template, handler)))
        .doesNotContainKey("ManagedPolicyArns");
  }

  @Test
  @DisplayName(
      "the API's model accepts the JobTypes parameter's types alone, the built-in ones by default")
  void modelAcceptsTheParametersTypes() {
    template.hasParameter(
        StackParameters.JOB_TYPES, Map.of("Type", "CommaDelimitedList", "Default", "sleep,flaky"));
    String model = onlyLogicalId(template, "AWS::ApiGateway::Model");
    @SuppressWarnings("unchecked")
    Map<String, Object> type =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) properties(template, model).get("Schema"))
                        .get("properties"))
                .get("type");
    assertThat(type)
        .containsEntry("enum", ref(StackParameters.JOB_TYPES))
        .containsEntry("pattern", "^[a-z][a-z0-9-]{0,63}$");
  }
}
