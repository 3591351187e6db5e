package dev.jobs.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigintTest {
  @TempDir Path dir;

  private Path status(String sigIgn) throws IOException {
    return Files.writeString(
        dir.resolve("status"), "Name:\tjava\nSigBlk:\t0000000000000000\nSigIgn:\t" + sigIgn + "\n");
  }

  @Test
  void ignored_whenTheSigintBitIsSet() throws IOException {
    // SIGINT and SIGQUIT ignored, as bash leaves a background job: bits 1 and 2.
    assertThat(Sigint.ignored(status("0000000000000006"))).contains(true);
  }

  @Test
  void delivered_whenOnlyOtherSignalsAreIgnored() throws IOException {
    // SIGPIPE (13) ignored only.
    assertThat(Sigint.ignored(status("0000000000001000"))).contains(false);
  }

  @Test
  void unknown_withoutTheLine() throws IOException {
    assertThat(Sigint.ignored(Files.writeString(dir.resolve("status"), "Name:\tjava\n"))).isEmpty();
    assertThat(Sigint.ignored(dir.resolve("missing"))).isEmpty();
  }

  @Test
  void matchesTheShell_thatStartedThisJvm() throws Exception {
    // A child of this JVM inherits its dispositions: a shell reports what it was given.
    Process grep =
        new ProcessBuilder("sh", "-c", "grep SigIgn /proc/self/status")
            .redirectErrorStream(true)
            .start();
    String line = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    grep.waitFor();
    assertThat(line).startsWith("SigIgn:");
    assertThat(Sigint.ignored(status(line.substring(7).trim()))).isEqualTo(Sigint.ignored());
  }
}
