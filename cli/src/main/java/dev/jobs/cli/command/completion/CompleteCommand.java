package dev.jobs.cli.command.completion;

import dev.jobs.cli.completion.Candidates;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.replay.ReplayNames;
import dev.jobs.cli.target.Target;
import dev.jobs.cli.target.TargetConfig;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobs __complete targets|replays}: the names the completion script offers at TAB time, one
 * a line, read from local files only (no AWS call), and nothing at all rather than an error.
 */
@Command(name = "__complete", hidden = true)
public final class CompleteCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "KIND")
  Candidates.Kind kind;

  public CompleteCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    Set<String> names = new LinkedHashSet<>();
    try {
      switch (kind) {
        case targets -> {
          names.add(TargetConfig.LOCAL);
          TargetConfig.load(environment.configFile()).targets().stream()
              .map(Target::name)
              .forEach(names::add);
        }
        case replays -> names.addAll(ReplayNames.recall(environment));
      }
    } catch (RuntimeException e) {
      // A broken file: the TAB offers what it has; the command proper reports the file.
    }
    PrintWriter out = spec.commandLine().getOut();
    names.forEach(out::println);
    out.flush();
    return ExitCode.OK;
  }
}
