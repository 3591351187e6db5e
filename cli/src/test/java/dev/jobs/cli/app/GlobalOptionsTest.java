package dev.jobs.cli.app;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.testing.CliRun;
import dev.jobs.cli.testing.FakeAws;
import dev.jobs.cli.testing.JobRecords;
import dev.jobs.cli.testing.OnLocalTarget;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Global options work before the subcommand as after it, as with {@code aws}. */
class GlobalOptionsTest extends OnLocalTarget {

  @BeforeEach
  void localStack() throws Exception {
    wire.stubFor(get("/prod/jobs/job-1").willReturn(FakeAws.json(200, JobRecords.SUCCEEDED)));
    aws.acceptsSubmit("job-1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--target local get job-1            | get job-1 --target local",
        "--target=local status job-1         | status job-1 --target=local",
        "--profile p get job-1               | get job-1 --profile p",
        "--region eu-west-1 -q get job-1     | get job-1 --region eu-west-1 -q",
        "--output json get job-1             | get --output json job-1",
        "-v get job-1                        | get job-1 -v",
        "-q --output json submit --seconds 5 --id job-1 | submit --seconds 5 --id job-1 -q --output json",
        "--output=json target list           | target list --output=json",
        "--output json target show local     | target show local --output json",
      })
  void beforeTheSubcommand_answersAsAfterIt(String before, String after) {
    CliRun.Result moved = jobs.run(before.trim().split(" +"));
    CliRun.Result asAfter = jobs.run(after.trim().split(" +"));

    assertThat(moved).isEqualTo(asAfter);
    assertThat(moved.err()).doesNotContain("Unknown option");
  }

  @Test
  void targetBeforeGet_isTheTargetNotTheSubcommand() {
    CliRun.Result result = jobs.run("--target", "local", "get", "job-1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("job-1").contains("SUCCEEDED");
  }

  @Test
  void anOptionTheSubcommandDoesNotTake_isAOneLineUsageError() {
    CliRun.Result result = jobs.run("--profile", "p", "completion", "bash");

    assertThat(result.oneLineError(ExitCode.USAGE))
        .isEqualTo("jobs: Unknown option: '--profile' (see: jobs completion --help)\n");
  }

  @Test
  void helpAndVersion_stillWorkOnTheRoot() {
    assertThat(jobs.run("--help").exitCode()).isZero();
    assertThat(jobs.run("--version").out()).startsWith("jobs ");
  }

  @Test
  void optionsBetweenTheSubcommandWords_answerAsAfterTheWholePath() {
    CliRun.Result between = jobs.run("--output=json", "local", "-q", "status");
    CliRun.Result after = jobs.run("local", "status", "--output=json", "-q");

    assertThat(between).isEqualTo(after);
    assertThat(between.err()).doesNotContain("Unknown option");
  }

  @Test
  void withoutASubcommand_theRootAsksForOne() {
    CliRun.Result result = jobs.run("--profile", "p");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).isEqualTo("jobs: Missing required subcommand (see: jobs --help)\n");
    assertThat(jobs.run("--profile", "p", "--help").exitCode()).isZero();
  }

  @Test
  void givenBeforeAndAfterTheSubcommand_isGivenTwice() {
    CliRun.Result result = jobs.run("--profile", "a", "get", "job-1", "--profile", "b");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "jobs: option '--profile' (PROFILE) should be specified only once"
                + " (see: jobs get --help)\n");
  }

  /** The global options are the root's; get takes every one, and the quick path too. */
  @Test
  void get_declaresEveryGlobalOption() {
    picocli.CommandLine root = CommandModel.commandLine(Environment.system());
    picocli.CommandLine get = root.getSubcommands().get("get");

    Set<String> global = new java.util.TreeSet<>();
    for (picocli.CommandLine.Model.OptionSpec option : GlobalOptions.of(root.getCommandSpec())) {
      global.addAll(List.of(option.names()));
      assertThat(get.getCommandSpec().findOption(option.longestName()))
          .as(option.longestName())
          .isNotNull();
    }
    assertThat(global).hasSize(15);
    Set<String> quick = new java.util.TreeSet<>(QuickCommands.OPTIONS);
    quick.addAll(List.of("-v", "--verbose", "--debug"));
    assertThat(quick).isEqualTo(global);
  }

  @Test
  void anOptionTheNestedSubcommandDoesNotTake_namesThatSubcommand() {
    CliRun.Result result = jobs.run("--target", "x", "target", "use", "local");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo("jobs: Unknown option: '--target' (see: jobs target use --help)\n");
  }
}
