package dev.jobs.cli.target;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.local.AutoStart;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in {@code local} target: the local runtime that {@code runtime.json} describes, started
 * first when a job command needs it and none runs, and its stack's outputs, cached per runtime
 * process.
 */
final class LocalTarget {
  private final Environment environment;
  private final AutoStart autoStart;
  private final boolean mayStart;
  private final LocalOutputs outputs;
  private RuntimeFile runtime;

  /**
   * @param autoStart how to start a runtime, or null for settings that never start one
   * @param mayStart whether this command may start one (no endpoint given to go to instead)
   */
  LocalTarget(
      Environment environment, AutoStart autoStart, boolean mayStart, LocalOutputs outputs) {
    this.environment = environment;
    this.autoStart = autoStart;
    this.mayStart = mayStart;
    this.outputs = outputs;
  }

  /** The running local runtime; fails saying why none runs (no file, or its process has exited). */
  RuntimeFile runtime() {
    if (runtime == null) {
      Path dataDir = environment.localDir();
      Optional<RuntimeFile> file = runtimeFile(dataDir);
      if (file.filter(RuntimeFile::isAlive).isEmpty()
          && autoStart != null
          && mayStart
          && autoStart.enabled()) {
        autoStart.ensureRunning(dataDir);
        file = runtimeFile(dataDir);
      }
      RuntimeFile found =
          file.orElseThrow(() -> notRunning("no " + dataDir.resolve(RuntimeFile.NAME)));
      if (!found.isAlive()) {
        throw notRunning("its process " + found.pid() + " has exited");
      }
      runtime = found;
    }
    return runtime;
  }

  private static Optional<RuntimeFile> runtimeFile(Path dataDir) {
    try {
      return RuntimeFile.readChecked(dataDir);
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, e.getMessage(), e);
    }
  }

  private static JobsException notRunning(String why) {
    return new JobsException(
        ExitCode.ERROR,
        "the local runtime is not running (" + why + "); start it with: jobs local start");
  }

  /**
   * The local stack's outputs, cached per runtime process: they cannot change while it runs, and
   * asking CloudFormation on every command would double the time of a {@code jobs get}.
   */
  Target target() {
    RuntimeFile local = runtime();
    String stack = local.stackName();
    String key = local.endpoint() + "|" + local.pid() + "|" + stack;
    Path cacheFile = environment.cacheDir().resolve("local-outputs.json");
    Map<String, String> found = readCachedOutputs(cacheFile, key);
    if (found == null) {
      found = outputs.of(local);
      writeCachedOutputs(cacheFile, key, found);
    }
    return Target.fromOutputs(
        TargetConfig.LOCAL, stack, local.region(), null, local.endpoint(), found);
  }

  private static Map<String, String> readCachedOutputs(Path file, String key) {
    try {
      JsonNode cached = Json.parse(Files.readAllBytes(file));
      if (!key.equals(Json.text(cached, "key"))) {
        return null;
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      Json.object(cached, "outputs")
          .forEach((name, value) -> outputs.put(name, value.isString() ? value.asString() : null));
      return outputs.isEmpty() ? null : outputs;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void writeCachedOutputs(Path file, String key, Map<String, String> outputs) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".outputs", ".tmp");
      ObjectNode cached = Json.mapper().createObjectNode();
      cached.put("key", key);
      ObjectNode values = cached.putObject("outputs");
      outputs.forEach(values::put);
      Files.write(temp, Json.mapper().writeValueAsBytes(cached));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Only a cache: the next command asks CloudFormation again.
    }
  }
}
