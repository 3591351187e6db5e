package dev.jobs.cli.command.job;

import dev.jobs.backend.kind.SleepJob;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.command.TargetedCommand;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.NameRule;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.JobPrinter;
import dev.jobs.cli.output.Printer;
import dev.jobs.cli.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jobs submit}: names a job and sends it with {@code PUT /jobs/{id}}, then prints its id.
 * The name is the caller's ({@code --id}) or a fresh UUID: either way the id exists before the
 * first try, so the client's retries of a lost answer ask for the same job and never start two.
 */
@Command(
    name = "submit",
    description = {
      "Submit a job under an id (signed PUT /jobs/{id}) and print the id, or the API's JSON"
          + " answer. The same id with the same parameters answers the same id again and the job"
          + " runs once, so a retry never starts it twice; with other parameters it exits 7.",
      "With --wait, go on as 'jobs wait'."
    })
public final class SubmitCommand extends TargetedCommand {
  private static final NameRule TYPE =
      NameRule.of("[a-z][a-z0-9-]{0,63}", "a job kind (lower case letters, digits and '-')");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  @Mixin WaitOptions waiting;

  @Option(
      names = "--seconds",
      paramLabel = "N",
      description = "How long a sleep job sleeps, 1 to 900; required for type sleep.")
  Integer seconds;

  @Option(names = "--type", paramLabel = "KIND", description = "The job kind (default: sleep).")
  String type;

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description =
          "A job parameter; VALUE is read as JSON when it parses, else as a string. Repeatable.")
  List<String> params = new ArrayList<>();

  @Option(names = "--wait", description = "Wait for the job to end, as 'jobs wait' does.")
  boolean await;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description =
          "The job's id: a letter or digit, then up to 127 letters, digits and . _ : -"
              + " (default: a new random UUID). Sent again with the same parameters, it answers"
              + " the same job.")
  String id;

  SubmitCommand(Environment environment) {
    super(environment);
  }

  @Override
  public Integer call() {
    waiting.check();
    if (id != null && !JobsClient.isJobId(id)) {
      throw new JobsException(ExitCode.USAGE, "--id: " + JobsClient.notAJobId(id));
    }
    ObjectNode body = body();
    String id = this.id == null ? UUID.randomUUID().toString() : this.id;
    Session session = session();
    // One array of bytes for every try, so a retry is the same request.
    var response = session.api().submit(id, Json.mapper().writeValueAsBytes(body));
    JobPrinter.Job answer = JobPrinter.parse(response.body(), environment.clock().instant());
    if (!id.equals(answer.text("id"))) {
      throw new JobsException(
          ExitCode.ERROR,
          "the jobs API accepted job " + id + " but answered another id: " + answer.body());
    }
    Printer printer = session.printer();
    if (!await) {
      printer.print(Answer.of(answer::body, id, out -> out.println(id)));
      return ExitCode.OK;
    }
    if (printer.quiet()) {
      // The id first, so that a script has it even if the wait is interrupted; then the status.
      session.out().println(id);
      session.out().flush();
    } else if (!printer.json()) {
      session.err().println("submitted job " + id);
      session.err().flush();
    }
    return waiting.awaitAndPrint(session, id);
  }

  /** The request, checked here first so that a mistake costs no round trip and changes nothing. */
  ObjectNode body() {
    ObjectNode body = Json.mapper().createObjectNode();
    String kind = type == null ? "sleep" : type;
    TYPE.check("--type", kind);
    if (type != null) {
      body.put("type", type);
    }
    if (seconds != null) {
      if (seconds < 1 || seconds > SleepJob.MAX_SECONDS) {
        throw new JobsException(
            ExitCode.USAGE, "--seconds must be between 1 and " + SleepJob.MAX_SECONDS);
      }
      body.put("seconds", seconds);
    }
    for (String param : params) {
      int equals = param.indexOf('=');
      String name = equals < 0 ? param : param.substring(0, equals);
      if (equals < 0 || !NAME.matcher(name).matches()) {
        throw new JobsException(ExitCode.USAGE, "--param '" + param + "' is not KEY=VALUE");
      }
      if (name.equals("type") || body.has(name)) {
        throw new JobsException(ExitCode.USAGE, "--param " + name + " is given twice");
      }
      body.set(name, value(param.substring(equals + 1)));
    }
    if (kind.equals("sleep")) {
      if (seconds == null) {
        throw new JobsException(ExitCode.USAGE, "a sleep job needs --seconds N");
      }
      if (!params.isEmpty()) {
        throw new JobsException(ExitCode.USAGE, "a sleep job takes no --param, only --seconds");
      }
    }
    return body;
  }

  private static JsonNode value(String text) {
    try {
      JsonNode parsed = Json.mapper().readTree(text);
      if (parsed != null && !parsed.isMissingNode()) {
        return parsed;
      }
      return Json.mapper().getNodeFactory().stringNode(text);
    } catch (JacksonException e) {
      return Json.mapper().getNodeFactory().stringNode(text);
    }
  }
}
