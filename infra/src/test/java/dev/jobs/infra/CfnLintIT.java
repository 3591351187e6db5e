package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * cfn-lint on the template the build synthesized: no error and no warning, but for the documented
 * ignores. Skipped when cfn-lint is not installed.
 */
class CfnLintIT {
  /**
   * W3005: the CDK adds {@code DependsOn} a function's role next to the {@code Fn::GetAtt} of the
   * same role (so that the role's policy exists before the function); redundant, harmless.
   */
  static final List<String> IGNORED = List.of("W3005");

  @Test
  @DisplayName("cfn-lint finds no error and no warning in the synthesized template")
  void templateIsClean() throws Exception {
    assumeTrue(
        cfnLintInstalled(), "cfn-lint is not installed (pip install cfn-lint): lint skipped");
    List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "parseable"));
    command.add("--ignore-checks");
    command.addAll(IGNORED);
    command.add("--");
    command.add(CloudAssemblyFiles.template().toString());
    Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
    assertThat(output).as("cfn-lint findings").isEmpty();
    assertThat(lint.exitValue()).as("cfn-lint exit code").isZero();
  }

  private static boolean cfnLintInstalled() {
    try {
      Process version =
          new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(60, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
