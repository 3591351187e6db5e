package dev.jobs.cli.replay;

import dev.jobs.cli.core.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The replay names this tool has started or listed, newest last, for completing {@code jobs replays
 * cancel <TAB>}. A file in {@code ~/.jobs} rather than an EventBridge call at TAB time: a TAB must
 * answer in well under a second and without credentials or network, and a stale name costs only a
 * "no replay named" answer.
 */
public final class ReplayNames {
  static final int KEPT = 50;

  private ReplayNames() {}

  static Path file(Environment environment) {
    return environment.jobsDir().resolve("replay-names");
  }

  /** The names remembered, newest last; none when the file is missing or unreadable. */
  public static List<String> recall(Environment environment) {
    try {
      return Files.readAllLines(file(environment), StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Adds names; a cache, so failing to write it never fails the command that saw them. */
  public static void remember(Environment environment, Collection<String> names) {
    LinkedHashSet<String> all = new LinkedHashSet<>(recall(environment));
    for (String name : names) {
      all.remove(name);
      all.add(name);
    }
    List<String> kept = new ArrayList<>(all);
    kept = kept.subList(Math.max(0, kept.size() - KEPT), kept.size());
    try {
      Files.createDirectories(environment.jobsDir());
      Files.write(file(environment), kept, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Completion only loses these names.
    }
  }
}
