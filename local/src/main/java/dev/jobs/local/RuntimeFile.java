package dev.jobs.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.jobs.backend.job.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code <data-dir>/runtime.json}: how the CLI finds a running local runtime. Written once the
 * runtime serves, removed when it stops.
 *
 * <pre>{"endpoint":"http://127.0.0.1:PORT","region":"us-east-1","accessKeyId":"test",
 * "secretAccessKey":"test","pid":N,"stackName":"jobs-local"}</pre>
 */
public record RuntimeFile(
    String endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    long pid,
    String stackName) {
  public static final String NAME = "runtime.json";
  public static final String DIR_VARIABLE = "JOBS_LOCAL_DIR";

  /**
   * The data directory, resolved in this one place: the option, else {@code JOBS_LOCAL_DIR}
   * (trimmed, ignored when blank), else {@code .jobs/local} in the given home directory.
   */
  public static Path dataDir(Path option, Map<String, String> env, Path home) {
    if (option != null) {
      return option;
    }
    String variable = env.get(DIR_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable.trim());
    }
    return home.resolve(".jobs").resolve("local");
  }

  public static RuntimeFile of(LocalRuntime runtime, long pid) {
    RuntimeOptions options = runtime.options();
    return new RuntimeFile(
        runtime.endpoint(),
        options.region(),
        options.accessKeyId(),
        options.secretAccessKey(),
        pid,
        options.stackName());
  }

  /** Writes the file whole, or not at all. */
  public void write(Path dataDir) {
    ObjectNode json = JobJson.MAPPER.valueToTree(this);
    Path file = dataDir.resolve(NAME);
    Path temporary = dataDir.resolve(NAME + ".tmp");
    try {
      Files.createDirectories(dataDir);
      Files.writeString(
          temporary,
          JobJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  public static Optional<RuntimeFile> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JobJson.MAPPER.readValue(Files.readString(file), RuntimeFile.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Removes the file if it still describes the given process. */
  public static void removeIfOwned(Path dataDir, long pid) {
    Optional<RuntimeFile> current = read(dataDir);
    if (current.isPresent() && current.get().pid() == pid) {
      try {
        Files.deleteIfExists(dataDir.resolve(NAME));
      } catch (IOException e) {
        // A stale file is recognised by its dead pid.
      }
    }
  }

  /** True while the process the file names is alive. */
  @JsonIgnore
  public boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
