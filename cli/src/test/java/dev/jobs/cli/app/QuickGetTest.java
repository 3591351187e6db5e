package dev.jobs.cli.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code jobs get} answers the same on the quick path as through picocli. */
class QuickGetTest extends OnLocalTarget {

  @BeforeEach
  void localStack() throws Exception {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
    wire.stubFor(get("/other/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
    wire.stubFor(get("/prod/jobs/nope").willReturn(FakeAws.jobNotFound()));
  }

  static Stream<String> commandLines() {
    return Stream.of(
        "get job-1",
        "status job-1",
        "get job-1 --output json",
        "get --output=json job-1",
        "get job-1 -q",
        "get job-1 --quiet --no-progress",
        "get nope",
        "get job-1 --target staging",
        "get job-1 --output xml",
        "get job-1 --region eu-west-1 --role-arn " + FakeAws.ROLE,
        "get job-1 --connect-timeout 5s --read-timeout=2m",
        "get job-1 --read-timeout soon",
        "get job-1 --connect-timeout -PT5S",
        "get ../x",
        "get job-1 job-2",
        "get job-1 --target local --target local",
        "get job-1 --bogus",
        "get");
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void quickPath_answersAsPicocliDoes(String line) {
    assertAnswersAsPicocli(jobs, line);
  }

  /** The command line answers on the quick path exactly as through picocli. */
  static void assertAnswersAsPicocli(CliRun jobs, String line) {
    String[] args = line.split(" ");

    CliRun.Result quick = jobs.run(args);
    CliRun.Result picocli = jobs.runWithPicocli(args);

    assertThat(quick).isEqualTo(picocli);
  }

  @org.junit.jupiter.api.Test
  void apiUrlFlag_isHonouredOnBothPaths() {
    String[] args = {"get", "job-1", "--api-url", aws.endpoint() + "/other"};

    assertThat(jobs.run(args)).isEqualTo(jobs.runWithPicocli(args));
    assertThat(jobs.run(args).exitCode()).isZero();
  }

  static boolean takesQuickPath(String... args) {
    StringWriter sink = new StringWriter();
    Integer code =
        QuickCommands.run(Environment.system(), new PrintWriter(sink), new PrintWriter(sink), args);
    return code != null;
  }

  @org.junit.jupiter.api.Test
  void helpVerboseDebugAndOtherCommands_goThroughPicocli() {
    assertThat(takesQuickPath("get", "job-1", "--help")).isFalse();
    assertThat(takesQuickPath("get", "job-1", "-v")).isFalse();
    assertThat(takesQuickPath("get", "job-1", "--debug")).isFalse();
    assertThat(takesQuickPath("wait", "job-1")).isFalse();
  }
}
