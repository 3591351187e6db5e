package dev.jobs.cli.command.local;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Printer;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs local status}: whether the runtime runs, and where. */
@Command(
    name = "status",
    description = "Say whether the local runtime is running, and where (exit code 6 when not).")
public final class LocalStatus extends RuntimeCommand {
  @Override
  public Integer call() {
    Printer printer = printer();
    Path directory = dataDir.resolve();
    Optional<RuntimeFile> found = RuntimeFile.read(directory);
    if (found.isEmpty() || !found.get().isAlive()) {
      printer.print(
          Answer.of(
              () ->
                  Json.mapper()
                      .createObjectNode()
                      .put("running", false)
                      .put("dataDir", directory.toString()),
              out -> {},
              out -> out.println("not running (data: " + directory + ")")));
      return ExitCode.NOT_FOUND;
    }
    RuntimeFile file = found.get();
    String endpoint = file.endpoint();
    Optional<String> silent = unanswered(endpoint);
    if (silent.isPresent()) {
      throw new JobsException(
          ExitCode.ERROR,
          "the local runtime (pid "
              + file.pid()
              + ") does not answer at "
              + endpoint
              + " ("
              + silent.get()
              + "); see "
              + directory.resolve("runtime.log")
              + "; restart it with: jobs local stop && jobs local start --detach");
    }
    printer.print(
        Answer.of(
            () -> {
              ObjectNode answer = Json.mapper().createObjectNode().put("running", true);
              answer.put("endpoint", endpoint).put("pid", file.pid());
              answer.put("region", file.region()).put("accessKeyId", file.accessKeyId());
              file.kinds().forEach(answer.putArray("kinds")::add);
              return answer.put("dataDir", directory.toString());
            },
            endpoint,
            out -> {
              out.println("running at " + endpoint + " (pid " + file.pid() + ")");
              out.println("  region:        " + file.region());
              out.println("  access key id: " + file.accessKeyId());
              out.println("  data:          " + directory);
              out.println("  job kinds:     " + String.join(", ", file.kinds()));
            }));
    return ExitCode.OK;
  }

  /**
   * Why the runtime does not answer, if it does not. A live pid and an open port are not enough: a
   * runtime whose jar was rewritten under it still accepts connections, then drops them. So this
   * sends a real request, an unsigned STS GetCallerIdentity: the runtime's own "missing
   * authentication" error (a 4xx) proves that it parses, routes and answers requests.
   */
  static Optional<String> unanswered(String endpoint) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(5000);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      try (OutputStream body = connection.getOutputStream()) {
        body.write(PING.getBytes(StandardCharsets.US_ASCII));
      }
      int status = connection.getResponseCode();
      connection.disconnect();
      return status > 0 && status < 500 ? Optional.empty() : Optional.of("HTTP " + status);
    } catch (IOException e) {
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static final String PING = "Action=GetCallerIdentity&Version=2011-06-15";
}
