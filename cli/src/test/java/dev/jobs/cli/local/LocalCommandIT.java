package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.local.RuntimeFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs local start --detach}, {@code status} and {@code stop}, run as the CLI runs them. */
class LocalCommandIT {
  @TempDir Path directory;

  private record Result(int exitCode, String out, String err) {}

  private static Result jobs(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Jobs.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void startDetached_thenStatusAndStop_manageTheRuntime() {
    String dir = "--data-dir=" + directory;

    Result started = jobs("local", "start", "--detach", "--port=0", dir);

    assertThat(started.exitCode()).as(started.err()).isEqualTo(ExitCode.OK);
    RuntimeFile file = RuntimeFile.read(directory).orElseThrow();
    assertThat(file.endpoint()).startsWith("http://127.0.0.1:");
    assertThat(file.region()).isEqualTo("us-east-1");
    assertThat(file.accessKeyId()).isEqualTo("test");
    assertThat(file.secretAccessKey()).isEqualTo("test");
    assertThat(file.stackName()).isEqualTo("jobs-local");
    assertThat(started.out())
        .contains("endpoint:          " + file.endpoint())
        .contains("access key id:     test")
        .contains("secret access key: test");

    Result again = jobs("local", "start", "--port=0", dir);
    assertThat(again.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(again.err()).contains("already runs");

    Result status = jobs("local", "status", dir);
    assertThat(status.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(status.out()).contains("running at " + file.endpoint());

    Result stopped = jobs("local", "stop", dir);
    assertThat(stopped.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(stopped.out()).contains("stopped the local runtime (pid " + file.pid() + ")");
    assertThat(RuntimeFile.read(directory)).isEmpty();

    Result after = jobs("local", "status", dir);
    assertThat(after.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(after.out()).startsWith("not running");
  }
}
