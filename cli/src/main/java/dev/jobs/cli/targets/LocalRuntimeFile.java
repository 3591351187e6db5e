package dev.jobs.cli.targets;

import dev.jobs.cli.ExitCode;
import dev.jobs.cli.JobsException;
import dev.jobs.cli.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The running local runtime as its {@code runtime.json} describes it: endpoint, region, operator
 * keys, process id and stack name. The CLI's side of the contract with {@code jobs local start}.
 */
public record LocalRuntimeFile(
    String endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    Long pid,
    String stackName) {

  public static final String FILE_NAME = "runtime.json";

  /** The running runtime; fails saying why none runs (no file, or its process has exited). */
  public static LocalRuntimeFile read(Path dataDir) {
    LocalRuntimeFile runtime = parse(dataDir);
    if (runtime == null) {
      throw notRunning("no " + dataDir.resolve(FILE_NAME));
    }
    if (!runtime.isAlive()) {
      throw notRunning("its process " + runtime.pid() + " has exited");
    }
    return runtime;
  }

  /** The running runtime, or empty when there is no file or its process has exited. */
  public static Optional<LocalRuntimeFile> find(Path dataDir) {
    LocalRuntimeFile runtime = parse(dataDir);
    return runtime != null && runtime.isAlive() ? Optional.of(runtime) : Optional.empty();
  }

  /** The file's content, or null when there is no file; fails when it cannot be used. */
  private static LocalRuntimeFile parse(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    LocalRuntimeFile runtime;
    try {
      JsonNode json = Json.parse(Files.readAllBytes(file));
      runtime =
          new LocalRuntimeFile(
              text(json, "endpoint"),
              text(json, "region"),
              text(json, "accessKeyId"),
              text(json, "secretAccessKey"),
              pid(Json.text(json, "pid")),
              text(json, "stackName"));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new JobsException(ExitCode.ERROR, file + " is not valid JSON", e);
    }
    if (runtime.endpoint() == null || runtime.accessKeyId() == null) {
      throw new JobsException(ExitCode.ERROR, file + " lacks the endpoint or the operator keys");
    }
    return runtime;
  }

  private boolean isAlive() {
    return pid == null || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static String text(JsonNode json, String field) {
    return Json.text(json, field);
  }

  private static Long pid(String text) {
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JobsException notRunning(String why) {
    return new JobsException(
        ExitCode.ERROR,
        "the local runtime is not running (" + why + "); start it with: jobs local start");
  }

  public String regionOrDefault() {
    return region == null ? "us-east-1" : region;
  }

  public String stackNameOrDefault() {
    return stackName == null ? "jobs-local" : stackName;
  }
}
