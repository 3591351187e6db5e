package dev.jobs.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.testing.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code jobs --version} and {@code jobs --help} answer on the quick path as picocli does, from the
 * usage text the build wrote from the model.
 */
class QuickAnswersTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"--version", "-V", "--help", "-h", "help"})
  void quickPath_answersAsPicocliDoes(String arg) {
    CliRun jobs = new CliRun(home);

    assertThat(answered(arg)).as("takes the quick path").isNotNull();
    assertThat(jobs.run(arg)).isEqualTo(jobs.runWithPicocli(arg));
  }

  @Test
  void theColouredUsage_isPicocliWithColourOn() throws IOException {
    String coloured;
    try (InputStream text = QuickAnswers.class.getResourceAsStream(QuickAnswers.COLOUR)) {
      coloured = new String(text.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(coloured)
        .isEqualTo(CommandModel.commandLine(Environment.system()).getUsageMessage(Ansi.ON))
        .contains("\u001b[");
  }

  @Test
  void anythingMore_goesThroughPicocli() {
    assertThat(answered("--version", "--debug")).isNull();
    assertThat(answered("get", "--help")).isNull();
    assertThat(answered("--bogus")).isNull();
    assertThat(answered()).isNull();
  }

  private static Integer answered(String... args) {
    return QuickAnswers.run(new PrintWriter(new StringWriter()), args);
  }
}
