package dev.jobs.cli.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.deploy.DeployStubs;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.OnLocalTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error shape a service or the network can give, through every command family that calls AWS:
 * each ends in one line with the service's own words (or its HTTP status) and the exit code of its
 * kind, never an "unexpected" exception or a stack trace.
 */
class ErrorShapesTest extends OnLocalTarget {

  private static final String WORDS = "the service broke";

  /** How a service writes its errors. */
  enum Protocol {
    /** STS and CloudFormation. */
    QUERY,
    /** EventBridge. */
    JSON11,
    /** The jobs API, behind API Gateway. */
    REST;

    ResponseDefinitionBuilder error(int status, String code, String message) {
      return switch (this) {
        case QUERY ->
            FakeAws.xml(
                status,
                "<ErrorResponse><Error>"
                    + (code == null ? "" : "<Code>" + code + "</Code>")
                    + (message == null ? "" : "<Message>" + message + "</Message>")
                    + "</Error><RequestId>1</RequestId></ErrorResponse>");
        case JSON11 ->
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(
                    "{"
                        + (code == null ? "" : "\"__type\":\"" + code + "\"")
                        + (code != null && message != null ? "," : "")
                        + (message == null ? "" : "\"message\":\"" + message + "\"")
                        + "}");
        case REST ->
            FakeAws.json(status, message == null ? "{}" : "{\"message\":\"" + message + "\"}");
      };
    }
  }

  /** An error as it comes back, the words the user must see, and the exit code. */
  enum Shape {
    NO_CODE(ExitCode.ERROR, p -> p.error(409, null, WORDS), p -> WORDS),
    NO_MESSAGE(
        ExitCode.ERROR,
        p -> p.error(409, "ConflictException", null),
        p -> p == Protocol.REST ? "409" : "ConflictException"),
    HTML(
        ExitCode.ERROR,
        p ->
            aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>"),
        p -> "502"),
    EMPTY_BODY(ExitCode.ERROR, p -> aResponse().withStatus(500), p -> "500"),
    SERVER_XML(
        ExitCode.ERROR,
        p ->
            FakeAws.xml(
                500,
                "<ErrorResponse><Error><Code>InternalFailure</Code><Message>"
                    + WORDS
                    + "</Message></Error></ErrorResponse>"),
        p -> WORDS),
    SERVER_JSON(
        ExitCode.ERROR,
        p -> FakeAws.json(500, "{\"__type\":\"InternalFailure\",\"message\":\"" + WORDS + "\"}"),
        p -> WORDS),
    DENIED(
        ExitCode.CREDENTIALS,
        p -> p.error(403, "AccessDenied", "not authorized to do this"),
        p -> "not authorized to do this"),
    EXPIRED(
        ExitCode.CREDENTIALS,
        p ->
            p == Protocol.REST
                ? p.error(403, null, "The security token included in the request is expired")
                : p.error(
                    400, "ExpiredToken", "The security token included in the request is expired"),
        p -> "expired"),
    DROPPED(
        ExitCode.ERROR,
        p -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        p -> "cannot reach");

    final int exitCode;
    final Function<Protocol, ResponseDefinitionBuilder> response;
    final Function<Protocol, String> words;

    Shape(
        int exitCode,
        Function<Protocol, ResponseDefinitionBuilder> response,
        Function<Protocol, String> words) {
      this.exitCode = exitCode;
      this.response = response;
      this.words = words;
    }
  }

  /** A command of one family, and the call of it that fails. */
  enum Family {
    JOBS_SUBMIT(
        Protocol.REST, () -> put(urlPathMatching("/prod/jobs/[^/]+")), "submit", "--seconds", "5"),
    JOBS_GET(Protocol.REST, () -> get(urlEqualTo("/prod/jobs/job-1")), "get", "job-1"),
    JOBS_LIST(Protocol.REST, () -> get(urlPathEqualTo("/prod/jobs")), "list"),
    STS_ASSUME_ROLE(Protocol.QUERY, () -> FakeAws.sts("AssumeRole"), "get", "job-1"),
    EVENTS_REPLAY(
        Protocol.JSON11,
        () -> FakeAws.events("DescribeArchive"),
        "replay",
        "--since",
        "1h",
        "--dry-run"),
    EVENTS_REPLAYS_LIST(Protocol.JSON11, () -> FakeAws.events("ListReplays"), "replays", "list"),
    CLOUDFORMATION_TARGET_ADD(
        Protocol.QUERY, () -> describeStacks("jobs-prod"), FakeAws.addProdArgs()),
    CLOUDFORMATION_DEPLOY(Protocol.QUERY, () -> describeStacks("jobs"), DeployStubs.deployAsDev());

    final Protocol protocol;
    final Supplier<MappingBuilder> call;
    final String[] args;

    Family(Protocol protocol, Supplier<MappingBuilder> call, String... args) {
      this.protocol = protocol;
      this.call = call;
      this.args = args;
    }
  }

  /** The one stack's DescribeStacks, not the local target's. */
  static MappingBuilder describeStacks(String stack) {
    return FakeAws.cloudFormation("DescribeStacks")
        .withRequestBody(matching("(?s).*StackName=" + stack + "(&.*)?"));
  }

  @TempDir Path assembly;

  @BeforeEach
  void aWorkingStack() throws Exception {
    wire.stubFor(get(urlPathEqualTo("/prod/jobs")).willReturn(FakeAws.json(200, "{\"jobs\":[]}")));
    aws.archive();
    DeployStubs.readyToDeploy(wire, assembly);
    jobs.devProfile();
  }

  static Stream<Arguments> everyShapeThroughEveryFamily() {
    List<Arguments> all = new ArrayList<>();
    for (Family family : Family.values()) {
      for (Shape shape : Shape.values()) {
        boolean conflict = shape == Shape.NO_CODE || shape == Shape.NO_MESSAGE;
        if (family == Family.JOBS_SUBMIT && conflict) {
          // A 409 to PUT /jobs/{id} is the id held by other parameters: exit 7 (SubmitCommandTest).
          continue;
        }
        all.add(Arguments.of(family, shape));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} answered {1}")
  @MethodSource("everyShapeThroughEveryFamily")
  void anErrorShape_endsInOneLineWithTheServiceWords_andItsExitCode(Family family, Shape shape) {
    wire.stubFor(family.call.get().willReturn(shape.response.apply(family.protocol)));
    List<String> args = new ArrayList<>(List.of(family.args));
    if (family == Family.CLOUDFORMATION_TARGET_ADD || family == Family.CLOUDFORMATION_DEPLOY) {
      args.addAll(List.of("--endpoint-url", aws.endpoint()));
    }
    if (family == Family.CLOUDFORMATION_DEPLOY) {
      args.addAll(List.of("--assembly", assembly.toString()));
    }

    CliRun.Result result = jobs.run(args.toArray(String[]::new));

    assertThat(result.err())
        .as("exit %d, out %s", result.exitCode(), result.out())
        .startsWith("jobs: ")
        .contains(shape.words.apply(family.protocol))
        .doesNotContain("unexpected")
        .doesNotContain("Exception:")
        .doesNotContain("\tat ");
    assertThat(result.err().lines()).as(result.err()).hasSize(1);
    assertThat(result.exitCode()).as(result.err()).isEqualTo(shape.exitCode);
  }
}
