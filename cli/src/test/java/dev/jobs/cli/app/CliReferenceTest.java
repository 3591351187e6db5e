package dev.jobs.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed command-line reference is the one the command model generates. */
class CliReferenceTest {
  static final Path COMMITTED = Path.of("..", "docs", CliReference.FILE);
  static final String REFRESH =
      "docs/cli.md is stale; refresh it with: mvn -q -pl cli -am package -DskipTests"
          + " -Ddocs.dir=$PWD/docs";

  @Test
  void committedReference_matchesTheGeneratedOne() throws Exception {
    assertThat(Files.readString(COMMITTED)).as(REFRESH).isEqualTo(CliReference.markdown());
  }

  @Test
  void reference_coversEveryCommandAndTheExitCodes() {
    String reference = CliReference.markdown();

    for (String command :
        new String[] {"jobs get", "jobs replays cancel", "jobs local start", "jobs init kind"}) {
      assertThat(reference).contains("\n## " + command + "\n");
    }
    assertThat(reference).contains("Exit codes:").contains("130   interrupted");
    assertThat(reference).doesNotContain("__complete");
  }
}
