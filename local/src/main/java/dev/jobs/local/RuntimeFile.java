package dev.jobs.local;

import dev.jobs.local.stack.LocalStack;
import dev.jobs.local.store.PrivateFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * {@code <data-dir>/runtime.json}: how the CLI finds a running local runtime. Written once the
 * runtime serves, removed when it stops. This class alone reads and writes it, and decides what a
 * missing field means.
 *
 * <pre>{"endpoint":"http://127.0.0.1:PORT","region":"us-east-1","accessKeyId":"test",
 * "secretAccessKey":"test","pid":N,"stackName":"jobs-local","kinds":["sleep","flaky"]}</pre>
 *
 * <p>Read with the AWS SDK's small JSON parser, which the CLI loads for its own reading anyway:
 * every {@code jobs get} reads this file, and Jackson 3's factory alone cost that short-lived
 * process ~10 ms. Written with Jackson's streaming API, not its databind mapper, indented as
 * before.
 */
public record RuntimeFile(
    String endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    long pid,
    String stackName,
    List<String> kinds) {
  public RuntimeFile {
    kinds = List.copyOf(kinds);
  }

  /** A runtime serving the built-in kinds alone, as the file of an older runtime says. */
  public RuntimeFile(
      String endpoint,
      String region,
      String accessKeyId,
      String secretAccessKey,
      long pid,
      String stackName) {
    this(endpoint, region, accessKeyId, secretAccessKey, pid, stackName, List.of());
  }

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
        options.stackName(),
        runtime.kinds());
  }

  /** Writes the file whole, or not at all. */
  public void write(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    Path temporary = dataDir.resolve(NAME + ".tmp");
    try {
      PrivateFiles.directory(dataDir);
      StringWriter text = new StringWriter();
      try (JsonGenerator json = Json.FACTORY.createGenerator(Json.PRETTY, text)) {
        json.writeStartObject();
        json.writeStringProperty("endpoint", endpoint);
        json.writeStringProperty("region", region);
        json.writeStringProperty("accessKeyId", accessKeyId);
        json.writeStringProperty("secretAccessKey", secretAccessKey);
        json.writeNumberProperty("pid", pid);
        json.writeStringProperty("stackName", stackName);
        json.writeName("kinds");
        json.writeStartArray();
        for (String kind : kinds) {
          json.writeString(kind);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      // It carries the operator's secret: 0600 before a byte of it is written.
      Files.deleteIfExists(temporary);
      PrivateFiles.file(temporary);
      Files.writeString(temporary, text + "\n");
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | JacksonException e) {
      throw new UncheckedIOException(
          "could not write " + file,
          e instanceof IOException io ? io : new IOException(e.getMessage(), e));
    }
  }

  /** The file, or empty when there is none or it cannot be used: a runtime's own checks. */
  public static Optional<RuntimeFile> read(Path dataDir) {
    try {
      return readChecked(dataDir);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The file a stand-in for the runtime writes (the CLI's start-up training, tests): this process,
   * serving at the endpoint with the runtime's default region, operator keys and stack name.
   */
  public static RuntimeFile standIn(String endpoint) {
    return new RuntimeFile(
        endpoint,
        RuntimeOptions.DEFAULT_REGION,
        RuntimeOptions.DEFAULT_KEY,
        RuntimeOptions.DEFAULT_KEY,
        ProcessHandle.current().pid(),
        LocalStack.DEFAULT_STACK_NAME);
  }

  /**
   * The file, or empty when there is none; fails saying why when one is there but cannot be used:
   * unreadable, not JSON, or without the endpoint, the operator keys or the process id. A missing
   * region or stack name means the runtime's defaults. Unknown fields are skipped.
   */
  public static Optional<RuntimeFile> readChecked(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(parse(file, bytes));
  }

  private static RuntimeFile parse(Path file, byte[] bytes) throws IOException {
    JsonNode root;
    try {
      root = JsonNode.parser().parse(bytes);
    } catch (RuntimeException e) {
      throw new IOException(file + " is not valid JSON", e);
    }
    if (!root.isObject()) {
      throw new IOException(file + " is not a JSON object");
    }
    Map<String, JsonNode> fields = root.asObject();
    String endpoint = text(fields.get("endpoint"));
    String region = text(fields.get("region"));
    String accessKeyId = text(fields.get("accessKeyId"));
    String secretAccessKey = text(fields.get("secretAccessKey"));
    Long pid = number(fields.get("pid"));
    String stackName = text(fields.get("stackName"));
    List<String> kinds = strings(fields.get("kinds"));
    List<String> missing = new ArrayList<>();
    if (endpoint == null) {
      missing.add("endpoint");
    }
    if (accessKeyId == null || secretAccessKey == null) {
      missing.add("operator keys");
    }
    if (pid == null) {
      missing.add("process id");
    }
    if (!missing.isEmpty()) {
      throw new IOException(file + " lacks the " + String.join(", the ", missing));
    }
    return new RuntimeFile(
        endpoint,
        region == null ? RuntimeOptions.DEFAULT_REGION : region,
        accessKeyId,
        secretAccessKey,
        pid,
        stackName == null ? LocalStack.DEFAULT_STACK_NAME : stackName,
        kinds);
  }

  /** An array's strings, others skipped; empty for anything but an array. */
  private static List<String> strings(JsonNode value) {
    List<String> strings = new ArrayList<>();
    if (value != null && value.isArray()) {
      for (JsonNode item : value.asArray()) {
        if (item.isString()) {
          strings.add(item.asString());
        }
      }
    }
    return strings;
  }

  /** A string value; null for JSON null, blank or anything else. */
  private static String text(JsonNode value) {
    if (value != null && value.isString()) {
      String text = value.asString();
      return text.isBlank() ? null : text;
    }
    return null;
  }

  /** A whole number, or a string that holds one; null otherwise. */
  private static Long number(JsonNode value) {
    if (value == null || !(value.isNumber() || value.isString())) {
      return null;
    }
    try {
      return Long.valueOf((value.isNumber() ? value.asNumber() : value.asString()).trim());
    } catch (NumberFormatException e) {
      return null;
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
  public boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Made on first use only: a process that never reads or writes the file never loads them. */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();

    /** Indented as the databind mapper's default pretty printer did, so the file looks the same. */
    static final ObjectWriteContext PRETTY =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
  }
}
