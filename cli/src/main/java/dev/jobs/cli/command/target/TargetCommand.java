package dev.jobs.cli.command.target;

import dev.jobs.cli.completion.Candidates;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.options.AwsOptions;
import dev.jobs.cli.options.NameRule;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.options.TargetOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Printer;
import dev.jobs.cli.session.BaseCredentials;
import dev.jobs.cli.session.HttpClients;
import dev.jobs.cli.session.Session;
import dev.jobs.cli.target.StackOutputs;
import dev.jobs.cli.target.Target;
import dev.jobs.cli.target.TargetConfig;
import dev.jobs.cli.target.TargetSettings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

/** {@code jobs target}: the places jobs run, and which one is current. */
@Command(
    name = "target",
    description = {
      "Manage targets: where jobs run.",
      "'local' is built in (the local runtime); deployed stacks are stored in ~/.jobs/config.json,"
          + " or the file $JOBS_CONFIG names."
    },
    subcommands = {
      TargetCommand.Add.class,
      TargetCommand.ListTargets.class,
      TargetCommand.Use.class,
      TargetCommand.Show.class,
      TargetCommand.Remove.class
    })
public final class TargetCommand implements Callable<Integer> {
  private static final NameRule NAME =
      NameRule.of(
          "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
          "a target name (letters, digits, '_', '.', '-'; 64 at most)");

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /**
   * A {@code jobs target} subcommand: its environment and output options, its printer, and the
   * session that describes a target.
   */
  abstract static class Subcommand implements Callable<Integer> {
    final Environment environment;

    @Spec CommandSpec spec;
    @Mixin OutputOptions output;

    Subcommand(Environment environment) {
      this.environment = environment;
    }

    Printer printer() {
      return Printer.of(output, environment, spec);
    }

    /** A session that never starts the local runtime; {@code draft}: a target not stored yet. */
    Session describing(TargetOptions flags, Target draft) {
      return Session.describing(
          environment,
          flags,
          draft,
          output,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          HttpClients.Workload.ONE_SHOT);
    }
  }

  /** {@code jobs target add}. */
  @Command(
      name = "add",
      description = {
        "Register a deployed stack: its outputs are read with DescribeStacks.",
        "The stack's region is stored with the target, and so are --profile and --endpoint-url"
            + " when given."
      })
  static final class Add extends Subcommand {
    @Parameters(paramLabel = "NAME", description = "The target's name.")
    String name;

    @Option(
        names = "--stack-name",
        required = true,
        paramLabel = "STACK",
        description = "The CloudFormation stack.")
    String stackName;

    @Mixin AwsOptions aws = new AwsOptions();

    @Option(names = "--use", description = "Make it the current target.")
    boolean use;

    Add(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      NAME.check("", name);
      if (TargetConfig.LOCAL.equals(name)) {
        throw new JobsException(
            ExitCode.USAGE, "'local' is built in: it follows the local runtime; pick another name");
      }
      TargetConfig config = TargetConfig.load(environment.configFile());
      TargetOptions flags = new TargetOptions();
      flags.target = name;
      flags.aws = aws;
      // Resolve region and credentials as commands will, with this target not yet stored.
      Session session =
          describing(
              flags, Target.draft(name, stackName, aws.region, aws.profile, aws.endpointUrl));
      TargetSettings settings = session.settings();
      Region resolvedRegion = settings.region();
      BaseCredentials base = session.baseCredentials();
      Map<String, String> outputs;
      try {
        outputs = StackOutputs.describe(session.cloudFormation(), stackName);
      } catch (JobsException e) {
        throw settings.withRegionSource(e.triedWith(base.description()));
      }
      Target target =
          Target.fromOutputs(
              name, stackName, resolvedRegion.id(), aws.profile, aws.endpointUrl, outputs);
      config.put(target);
      if (use || config.current().isEmpty()) {
        config.use(name);
      }
      config.save();
      session
          .printer()
          .print(
              Answer.of(
                  () -> Json.mapper().writeValueAsString(target),
                  name,
                  out ->
                      out.println(
                          "added target "
                              + name
                              + " (stack "
                              + stackName
                              + " in "
                              + resolvedRegion.id()
                              + ")"
                              + (name.equals(config.current().orElse(null))
                                  ? "; it is the current target"
                                  : ""))));
      return ExitCode.OK;
    }
  }

  /** {@code jobs target list}. */
  @Command(
      name = "list",
      aliases = "ls",
      description = "List the targets; '*' marks the current one.")
  static final class ListTargets extends Subcommand {
    ListTargets(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      TargetConfig config = TargetConfig.load(environment.configFile());
      String current =
          environment.get("JOBS_TARGET").or(config::current).orElse(TargetConfig.LOCAL);
      List<Target> targets = config.targets();
      printer()
          .print(
              Answer.of(
                  () -> {
                    var root = Json.mapper().createObjectNode();
                    root.put("current", current);
                    root.set("targets", Json.mapper().valueToTree(targets));
                    return root;
                  },
                  out -> {
                    out.println(TargetConfig.LOCAL);
                    targets.forEach(target -> out.println(target.name()));
                  },
                  out -> {
                    out.printf(
                        "%s %-16s %s%n",
                        TargetConfig.LOCAL.equals(current) ? "*" : " ",
                        TargetConfig.LOCAL,
                        "built in: the local runtime in " + environment.localDir());
                    for (Target target : targets) {
                      out.printf(
                          "%s %-16s stack %s in %s%s%n",
                          target.name().equals(current) ? "*" : " ",
                          target.name(),
                          target.stackName(),
                          target.region(),
                          target.profile() == null ? "" : ", profile " + target.profile());
                    }
                  }));
      return ExitCode.OK;
    }
  }

  /** {@code jobs target use}. */
  @Command(name = "use", description = "Make a target the current one.")
  static final class Use extends Subcommand {
    @Parameters(
        paramLabel = "NAME",
        completionCandidates = Candidates.TargetNames.class,
        description = "A target name, or local.")
    String name;

    Use(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      TargetConfig config = TargetConfig.load(environment.configFile());
      if (!TargetConfig.LOCAL.equals(name) && config.find(name).isEmpty()) {
        throw new JobsException(
            ExitCode.NOT_FOUND, "no target '" + name + "'; see: jobs target list");
      }
      config.use(name);
      config.save();
      printer()
          .print(
              Answer.of(
                  () -> Json.mapper().createObjectNode().put("current", name),
                  name,
                  out -> out.println("current target: " + name)));
      return ExitCode.OK;
    }
  }

  /** {@code jobs target show}. */
  @Command(
      name = "show",
      description = "Show a target's settings and outputs (default: the current target).")
  static final class Show extends Subcommand {
    @Parameters(
        paramLabel = "NAME",
        arity = "0..1",
        completionCandidates = Candidates.TargetNames.class,
        description = "A target name.")
    String name;

    Show(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      TargetOptions flags = new TargetOptions();
      flags.target = name;
      Session session = describing(flags, null);
      TargetSettings settings = session.settings();
      if (!settings.isLocal()
          && TargetConfig.load(environment.configFile()).find(settings.name()).isEmpty()) {
        throw new JobsException(
            ExitCode.NOT_FOUND, "no target '" + settings.name() + "'; see: jobs target list");
      }
      Target target = settings.target();
      session
          .printer()
          .print(
              Answer.of(
                  () -> Json.mapper().valueToTree(target).toString(),
                  target.name(),
                  out -> rows(out, target)));
      return ExitCode.OK;
    }

    private static void rows(PrintWriter out, Target target) {
      row(out, "name", target.name());
      row(out, "stack", target.stackName());
      row(out, "region", target.region());
      row(out, "profile", target.profile());
      row(out, "endpoint", target.endpointUrl());
      row(out, "api url", target.apiUrl());
      row(out, "invoke role", target.invokeRoleArn());
      row(out, "event bus", target.eventBusArn());
      row(out, "archive", target.archiveName());
      row(out, "replay rule", target.replayRuleArn());
      row(out, "table", target.tableName());
      row(out, "dashboard", target.dashboardUrl());
      row(out, "alarms", target.alarmNamePrefix() == null ? null : target.alarmNamePrefix() + "*");
      row(out, "logs", String.join(", ", target.logGroupNames()));
    }

    private static void row(PrintWriter out, String name, String value) {
      // The local runtime's outputs name no dashboard and no alarms: empty, not shown.
      if (value != null && !value.isEmpty() && !value.equals("*")) {
        out.printf("%-12s %s%n", name, value);
      }
    }
  }

  /** {@code jobs target remove}. */
  @Command(
      name = "remove",
      aliases = "rm",
      description = "Forget a target (the stack itself is untouched).")
  static final class Remove extends Subcommand {
    @Parameters(
        paramLabel = "NAME",
        completionCandidates = Candidates.TargetNames.class,
        description = "A target name.")
    String name;

    Remove(Environment environment) {
      super(environment);
    }

    @Override
    public Integer call() {
      if (TargetConfig.LOCAL.equals(name)) {
        throw new JobsException(ExitCode.USAGE, "'local' is built in and cannot be removed");
      }
      TargetConfig config = TargetConfig.load(environment.configFile());
      if (!config.remove(name)) {
        throw new JobsException(ExitCode.NOT_FOUND, "no target '" + name + "'");
      }
      config.save();
      printer()
          .print(
              Answer.of(
                  () -> Json.mapper().createObjectNode().put("removed", name),
                  name,
                  out -> out.println("removed target " + name)));
      return ExitCode.OK;
    }
  }
}
