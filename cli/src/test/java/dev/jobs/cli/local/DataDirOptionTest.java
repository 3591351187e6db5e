package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code local} commands find the data directory where the job commands do. */
class DataDirOptionTest {
  @TempDir Path home;

  @Test
  void withoutTheOption_theCommandsEnvironmentNamesTheDirectory() {
    Path dir = home.resolve("elsewhere");
    CliRun jobs = new CliRun(home).env("JOBS_LOCAL_DIR", dir.toString());

    CliRun.Result status = jobs.run("local", "status");

    assertThat(status.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(status.out()).isEqualTo("not running (data: " + dir + ")\n");
  }

  @Test
  void withoutTheOptionOrTheVariable_itIsInTheCommandsHome() {
    CliRun.Result status = new CliRun(home).run("local", "status");

    assertThat(status.out()).isEqualTo("not running (data: " + home.resolve(".jobs/local") + ")\n");
  }

  @Test
  void theOption_winsOverTheEnvironment() {
    Path dir = home.resolve("given");
    CliRun jobs = new CliRun(home).env("JOBS_LOCAL_DIR", home.resolve("elsewhere").toString());

    CliRun.Result status = jobs.run("local", "status", "--data-dir=" + dir);

    assertThat(status.out()).isEqualTo("not running (data: " + dir + ")\n");
  }
}
