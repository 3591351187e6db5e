package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.testing.ManualClock;
import dev.jobs.local.ApiClient.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary credentials from the local STS stop working when they expire. */
class ExpiredTokenIT {
  @TempDir static Path directory;
  static final ManualClock CLOCK = ManualClock.aheadOfTheSystemClock();
  static LocalRuntime runtime;

  @BeforeAll
  static void start() {
    runtime =
        LocalRuntime.start(
            RuntimeOptions.builder(directory, 0).grace(Duration.ZERO).clock(CLOCK).build());
  }

  @AfterAll
  static void stop() {
    runtime.stop(Duration.ZERO);
  }

  @Test
  void submit_withRoleCredentialsPastTheirExpiration_answers403ExpiredToken() {
    ApiClient api = ApiClient.forRole(runtime);
    assertThat(api.get("any").status()).isEqualTo(404);

    CLOCK.advance(Duration.ofHours(1).plusSeconds(1));
    // Signed at the runtime's time, so that only the token's age is wrong.
    Response response = api.signedFor("execute-api", CLOCK).submit("{\"seconds\":1}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().get("message").asString())
        .isEqualTo("The security token included in the request is expired");
  }
}
