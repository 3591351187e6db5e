package dev.jobs.cli.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.deploy.PackagedAssembly;
import dev.jobs.local.stack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack's output keys are a contract between modules that never compile against each other:
 * infra's {@code JobsStack} declares them, the CLI reads them ({@link Target}) and the local
 * runtime answers {@code DescribeStacks} with them ({@link LocalStack}, whose outputs the loopback
 * stack serves too). Checked against the template this CLI carries, the one {@code jobs deploy}
 * deploys, so that renaming a key on one side only fails here.
 */
class StackOutputKeysIT {
  private static List<String> templateKeys;

  @BeforeAll
  static void readThePackagedTemplate() throws IOException {
    try (PackagedAssembly packaged = PackagedAssembly.packaged()) {
      JsonNode template =
          JsonMapper.builder().build().readTree(Files.readAllBytes(packaged.assembly().template()));
      templateKeys = new ArrayList<>(template.path("Outputs").propertyNames());
    }
    assertThat(templateKeys).as("the packaged template's outputs").isNotEmpty();
  }

  /**
   * Outputs an operator uses by hand, not the CLI: the managed policy an operator role is made from
   * (docs/operations.md).
   */
  static final List<String> FOR_OPERATORS_NOT_THE_CLI = List.of("OperatorPolicyArn");

  @Test
  @DisplayName(
      "a target made from the packaged stack's outputs has every one of them, none missing")
  void theCliReadsEveryOutputOfTheTemplate() {
    Map<String, String> outputs = new LinkedHashMap<>();
    templateKeys.forEach(key -> outputs.put(key, "value of " + key));

    Target target = Target.fromOutputs("t", "jobs", "us-east-1", null, null, outputs);

    assertThat(
            List.of(
                String.valueOf(target.apiUrl()),
                String.valueOf(target.invokeRoleArn()),
                String.valueOf(target.eventBusArn()),
                String.valueOf(target.archiveName()),
                String.valueOf(target.replayRuleArn()),
                String.valueOf(target.tableName()),
                String.valueOf(target.dashboardUrl()),
                String.valueOf(target.alarmNamePrefix()),
                String.valueOf(target.processingLogGroupName()),
                String.valueOf(target.failedJobsLogGroupName())))
        .as("what the CLI read from the outputs %s", templateKeys)
        .containsExactlyInAnyOrderElementsOf(
            outputs.entrySet().stream()
                .filter(output -> !FOR_OPERATORS_NOT_THE_CLI.contains(output.getKey()))
                .map(Map.Entry::getValue)
                .toList());
  }

  @Test
  @DisplayName("the local runtime answers DescribeStacks with exactly the template's output keys")
  void theLocalRuntimeHasTheTemplatesOutputKeys() {
    LocalStack local = new LocalStack("jobs-local", "us-east-1", "http://127.0.0.1:1");

    assertThat(local.outputs("arn:aws:events:us-east-1:000000000000:event-bus/b").keySet())
        .containsExactlyInAnyOrderElementsOf(templateKeys);
  }
}
