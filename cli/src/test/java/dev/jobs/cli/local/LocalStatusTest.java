package dev.jobs.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs local status} says "running" only for a runtime that answers a request. */
class LocalStatusTest {
  @TempDir Path home;

  @Test
  void aLivePidWhosePortDropsEveryRequest_isReportedAsNotAnswering() throws Exception {
    // What a runtime whose jar was rebuilt under it does: it accepts, then closes the connection.
    try (ServerSocket broken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread dropper =
          new Thread(
              () -> {
                while (!broken.isClosed()) {
                  try (Socket ignored = broken.accept()) {
                    // closed at once, before any answer
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      dropper.setDaemon(true);
      dropper.start();
      Path dataDir = home.resolve("local");
      String endpoint = "http://127.0.0.1:" + broken.getLocalPort();
      long livePid = ProcessHandle.current().pid();
      new RuntimeFile(endpoint, "us-east-1", "test", "test", livePid, "jobs-local").write(dataDir);

      CliRun.Result status =
          new CliRun(home).run("local", "status", "--data-dir=" + dataDir.toString());

      assertThat(status.exitCode()).isEqualTo(ExitCode.ERROR);
      assertThat(status.out()).doesNotContain("running at");
      assertThat(status.err())
          .contains("does not answer at " + endpoint)
          .contains("runtime.log")
          .contains("jobs local stop");
      assertThat(status.err().lines()).hasSize(1);
    }
  }
}
