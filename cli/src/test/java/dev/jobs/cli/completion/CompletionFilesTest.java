package dev.jobs.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.app.CompletionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed completion scripts are the ones the command model generates. */
class CompletionFilesTest {
  static final Path COMMITTED = Path.of("..", "completion");
  static final String REFRESH =
      "completion/ is stale; refresh it with: mvn -q -pl cli -am package -DskipTests"
          + " -Dcompletion.dir=$PWD/completion";

  @Test
  void committedBashScript_matchesTheGeneratedOne() throws Exception {
    assertThat(Files.readString(COMMITTED.resolve(CompletionScripts.BASH_FILE)))
        .as(REFRESH)
        .isEqualTo(CompletionFiles.bash());
  }

  @Test
  void committedZshScript_matchesTheGeneratedOne() throws Exception {
    assertThat(Files.readString(COMMITTED.resolve(CompletionScripts.ZSH_FILE)))
        .as(REFRESH)
        .isEqualTo(CompletionFiles.zsh());
  }

  @Test
  void zshScript_declaresItselfForJobs() {
    assertThat(CompletionFiles.zsh()).startsWith("#compdef jobs\n");
  }
}
