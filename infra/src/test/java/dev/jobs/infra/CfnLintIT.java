package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint on the template the build synthesized: no error and no warning, but for the documented
 * ignores. Skipped when cfn-lint is not installed, but under {@code CI=true} (see {@link
 * RequiredTool}).
 */
class CfnLintIT {
  static final RequiredTool CFN_LINT =
      new RequiredTool("cfn-lint", "pip install cfn-lint", RequiredTool.Probe.ANSWERS_VERSION);

  /**
   * W3005: the CDK adds {@code DependsOn} a function's role next to the {@code Fn::GetAtt} of the
   * same role (so that the role's policy exists before the function); redundant, harmless.
   */
  static final List<String> IGNORED = List.of("W3005");

  @Test
  @DisplayName("cfn-lint finds no error and no warning in the synthesized template")
  void templateIsClean() throws Exception {
    CFN_LINT.require("the lint of the synthesized template");
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
    command.add("--ignore-checks");
    command.addAll(IGNORED);
    command.add("--");
    command.add(BuildOutputs.template().toString());
    Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
    assertThat(output).as("cfn-lint findings").isEmpty();
    assertThat(lint.exitValue()).as("cfn-lint exit code").isZero();
  }
}
