package dev.jobs.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.jobs.cli.core.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose commands run in a fresh home per test, with AWS's answers served by WireMock
 * ({@link FakeAws}) and no target yet: each class adds the target and profile it is about.
 */
public abstract class OnFakeAws {
  @RegisterExtension protected static final WireMockExtension wire = FakeAws.server();

  @TempDir protected Path home;
  protected FakeAws aws;
  protected CliRun jobs;

  @BeforeEach
  protected void onFakeAws() {
    aws = new FakeAws(wire);
    jobs = new CliRun(home);
  }

  /**
   * Runs a command line that {@code jobs} must refuse as a usage error (exit 2) before it calls AWS
   * or the API; the message it printed, for the test to check.
   */
  protected String usageErrorBeforeAnyCall(String... args) {
    CliRun.Result result = jobs.run(args);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(wire.getAllServeEvents()).isEmpty();
    return result.err();
  }
}
