package dev.jobs.cli.deploy;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --outputs-file}: the stack's outputs as {@code {"<stack>": {"<key>": "<value>"}}}, like
 * the CDK CLI's.
 */
public final class OutputsFile {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OutputsFile() {}

  public static void write(Path file, String stackName, Map<String, String> outputs) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode stack = root.putObject(stackName);
    outputs.forEach(stack::put);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot write the outputs file " + file + ": " + e.getMessage(), e);
    }
  }
}
