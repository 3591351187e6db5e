package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.jobs.local.ApiClient.Response;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call the jobs API of a running local runtime: on every route, the invoke role alone, as
 * the deployed stage's resource policy lets in.
 */
class ApiAuthorizationIT {
  @RegisterExtension static final RunningRuntime local = new RunningRuntime();

  /** Each route: method, path as called, body (null for none), and its resource in the ARN. */
  static Stream<Arguments> routes() {
    return Stream.of(
        arguments("POST", "/jobs", "{\"seconds\":1}", "POST/jobs"),
        arguments("GET", "/jobs?status=FAILED", null, "GET/jobs"),
        arguments("GET", "/jobs/stats", null, "GET/jobs/stats"),
        arguments("GET", "/jobs/some-job", null, "GET/jobs/some-job"),
        arguments("PUT", "/jobs/some-job", "{\"seconds\":1}", "PUT/jobs/some-job"),
        arguments("POST", "/jobs/some-job/cancel", null, "POST/jobs/some-job/cancel"),
        arguments("POST", "/jobs/some-job/retry", null, "POST/jobs/some-job/retry"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void unsigned_answers403MissingAuthenticationToken(String method, String path, String body) {
    Response response = local.api().unsigned(method, path, body);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().get("message").asString()).isEqualTo("Missing Authentication Token");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("routes")
  void operatorKeyInsteadOfTheRole_answers403NotAuthorizedOnTheRoutesResource(
      String method, String path, String body, String resource) {
    Response response = local.api().credentials("test", "test", null).signed(method, path, body);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().get("Message").asString())
        .isEqualTo(
            "User: arn:aws:iam::000000000000:root is not authorized to perform: execute-api:Invoke"
                + " on resource: arn:aws:execute-api:us-east-1:000000000000:local/prod/"
                + resource);
  }
}
