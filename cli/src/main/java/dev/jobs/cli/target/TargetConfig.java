package dev.jobs.cli.target;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The targets file: the registered targets and the current one, as JSON {@code {"current": NAME,
 * "targets": [...]}}. The built-in {@code local} target is not stored here.
 */
public final class TargetConfig {
  public static final String LOCAL = "local";

  /** The file's content. */
  record Content(String current, List<Target> targets) {}

  private final Path file;
  private String current;
  private final List<Target> targets;

  private TargetConfig(Path file, String current, List<Target> targets) {
    this.file = file;
    this.current = current;
    this.targets = new ArrayList<>(targets);
  }

  public static TargetConfig load(Path file) {
    try {
      JsonNode json = Json.parse(Files.readAllBytes(file));
      List<Target> targets = new ArrayList<>();
      JsonNode stored = json.isObject() ? json.asObject().get("targets") : null;
      for (JsonNode t :
          stored != null && stored.isArray() ? stored.asArray() : List.<JsonNode>of()) {
        targets.add(
            new Target(
                Json.text(t, "name"),
                Json.text(t, "stackName"),
                Json.text(t, "region"),
                Json.text(t, "profile"),
                Json.text(t, "endpointUrl"),
                Json.text(t, "apiUrl"),
                Json.text(t, "invokeRoleArn"),
                Json.text(t, "eventBusArn"),
                Json.text(t, "archiveName"),
                Json.text(t, "replayRuleArn"),
                Json.text(t, "tableName"),
                Json.text(t, "dashboardUrl"),
                Json.text(t, "alarmNamePrefix"),
                Json.text(t, "processingLogGroupName"),
                Json.text(t, "failedJobsLogGroupName")));
      }
      targets.removeIf(t -> t.name() == null);
      return new TargetConfig(file, Json.text(json, "current"), targets);
    } catch (NoSuchFileException e) {
      return new TargetConfig(file, null, List.of());
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new JobsException(
          ExitCode.ERROR,
          "the targets file " + file + " is not valid JSON; fix it or remove it",
          e);
    }
  }

  public Path file() {
    return file;
  }

  public Optional<String> current() {
    return Optional.ofNullable(current);
  }

  public List<Target> targets() {
    return targets.stream().sorted(Comparator.comparing(Target::name)).toList();
  }

  public Optional<Target> find(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public void put(Target target) {
    remove(target.name());
    targets.add(target);
  }

  public boolean remove(String name) {
    boolean removed = targets.removeIf(t -> t.name().equals(name));
    if (name.equals(current)) {
      current = null;
    }
    return removed;
  }

  public void use(String name) {
    current = name;
  }

  /** Writes the file atomically, so a crash never leaves half a file. */
  public void save() {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".config", ".tmp");
      Files.write(
          temp,
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(new Content(current, targets())));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
