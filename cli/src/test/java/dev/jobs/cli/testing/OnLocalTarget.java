package dev.jobs.cli.testing;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class whose commands run against the built-in local target, its AWS side and jobs API
 * served by WireMock ({@link FakeAws#localTarget}), in a fresh home per test ({@link OnFakeAws}).
 */
public abstract class OnLocalTarget extends OnFakeAws {
  @BeforeEach
  protected void onLocalTarget() throws Exception {
    jobs = aws.localTarget(home, role());
  }

  /** How long STS grants the invoke role: an hour, unless the class's waits outlast it. */
  protected Duration role() {
    return Duration.ofHours(1);
  }
}
