package dev.jobs.cli.command;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.session.Session;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on a target (the job commands, stats, alarms, replay and replays): the
 * target and output options, and the session they make, declared once for all of them.
 */
public abstract class TargetedCommand implements Callable<Integer> {
  protected final Environment environment;

  @Spec protected CommandSpec spec;
  @Mixin protected TargetOptions target;
  @Mixin protected OutputOptions output;

  protected TargetedCommand(Environment environment) {
    this.environment = environment;
  }

  /** This run's session with the target: settings resolved, clients made on first use. */
  protected Session session() {
    return Session.of(environment, spec, target, output);
  }
}
