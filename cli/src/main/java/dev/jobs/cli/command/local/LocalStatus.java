package dev.jobs.cli.command.local;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.DataDirOption;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code jobs local status}: whether the runtime runs, and where. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Say whether the local runtime is running, and where (exit code 6 when not).")
public final class LocalStatus implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path directory = dataDir.resolve();
    boolean json = output.json(dataDir.environment());
    Optional<RuntimeFile> file = RuntimeFile.read(directory);
    if (file.isEmpty() || !file.get().isAlive()) {
      if (json) {
        ObjectNode answer = Json.mapper().createObjectNode().put("running", false);
        out.println(answer.put("dataDir", directory.toString()));
      } else if (!output.quiet()) {
        out.println("not running (data: " + directory + ")");
      }
      return ExitCode.NOT_FOUND;
    }
    String endpoint = file.get().endpoint();
    Optional<String> silent = unanswered(endpoint);
    if (silent.isPresent()) {
      throw new JobsException(
          ExitCode.ERROR,
          "the local runtime (pid "
              + file.get().pid()
              + ") does not answer at "
              + endpoint
              + " ("
              + silent.get()
              + "); see "
              + directory.resolve("runtime.log")
              + "; restart it with: jobs local stop && jobs local start --detach");
    }
    if (json) {
      ObjectNode answer = Json.mapper().createObjectNode().put("running", true);
      answer.put("endpoint", endpoint).put("pid", file.get().pid());
      answer.put("region", file.get().region()).put("accessKeyId", file.get().accessKeyId());
      file.get().kinds().forEach(answer.putArray("kinds")::add);
      out.println(answer.put("dataDir", directory.toString()));
      return ExitCode.OK;
    }
    if (output.quiet()) {
      out.println(endpoint);
      return ExitCode.OK;
    }
    out.println("running at " + endpoint + " (pid " + file.get().pid() + ")");
    out.println("  region:        " + file.get().region());
    out.println("  access key id: " + file.get().accessKeyId());
    out.println("  data:          " + directory);
    out.println("  job kinds:     " + String.join(", ", file.get().kinds()));
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
