package dev.jobs.cli.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class whose commands run against the built-in local target, its AWS side and jobs API
 * served by WireMock ({@link FakeAws#localTarget}), in a fresh home per test.
 */
public abstract class OnLocalTarget {
  @RegisterExtension protected static final WireMockExtension wire = FakeAws.server();

  @TempDir protected Path home;
  protected FakeAws aws;
  protected CliRun jobs;

  @BeforeEach
  protected void onLocalTarget() throws Exception {
    aws = new FakeAws(wire);
    jobs = aws.localTarget(home, role());
  }

  /** How long STS grants the invoke role: an hour, unless the class's waits outlast it. */
  protected Duration role() {
    return Duration.ofHours(1);
  }
}
