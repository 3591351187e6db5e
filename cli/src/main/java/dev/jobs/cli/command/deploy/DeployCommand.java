package dev.jobs.cli.command.deploy;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackOutput;
import dev.jobs.backend.settings.StackSettings;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.deploy.ApprovalPolicy;
import dev.jobs.cli.deploy.CloudAssembly;
import dev.jobs.cli.deploy.ConcurrencyBudget;
import dev.jobs.cli.deploy.KindsLayerZip;
import dev.jobs.cli.deploy.OutputsFile;
import dev.jobs.cli.deploy.PackagedAssembly;
import dev.jobs.cli.deploy.ResourceChange;
import dev.jobs.cli.deploy.StackDeployer;
import dev.jobs.cli.deploy.StackDeployer.Deployment;
import dev.jobs.cli.deploy.StackDeployer.Result;
import dev.jobs.cli.deploy.StackOptions;
import dev.jobs.cli.deploy.StackSession;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.output.Answer;
import dev.jobs.cli.output.Printer;
import dev.jobs.cli.target.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/** {@code jobs deploy}: the packaged stack onto AWS with a change set, then its target. */
@Command(
    name = "deploy",
    description = {
      "Deploy the stack to AWS and make it the current target.",
      "From the cloud assembly this jobs carries: uploads its assets to the asset bucket (made if"
          + " missing), creates a change set, confirms, executes it with live progress, then adds"
          + " the stack's target. Needs only a JRE: no Node, no CDK CLI, no cdk bootstrap."
    })
public final class DeployCommand implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;
  @Mixin StackOptions stack;
  @Mixin OutputOptions output;

  @Option(
      names = "--parameters",
      paramLabel = "KEY=VALUE",
      arity = "1..*",
      description =
          "Stack parameters, such as ProcessingTimeoutSeconds=600; unnamed ones keep their"
              + " value (defaults on the first deploy).")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(
      names = "--kinds",
      paramLabel = "JAR",
      split = ",",
      arity = "1..*",
      description =
          "Jars of your own job kinds, shipped as a Lambda layer that both functions take;"
              + " without it an update keeps the deployed layer.")
  List<Path> kinds;

  @Option(
      names = "--require-approval",
      paramLabel = "WHEN",
      defaultValue = "broadening",
      converter = ApprovalConverter.class,
      completionCandidates = ApprovalCandidates.class,
      description =
          "Ask before executing: never, any-change, or broadening (IAM or resource policies);"
              + " without a terminal it refuses instead of asking (default: ${DEFAULT-VALUE}).")
  ApprovalPolicy approval;

  @Option(names = "--dry-run", description = "Create the change set, print it, and delete it.")
  boolean dryRun;

  @Option(
      names = "--outputs-file",
      paramLabel = "FILE",
      description = "Also write the stack's outputs to FILE as JSON: {\"<stack>\": {...}}.")
  Path outputsFile;

  DeployCommand(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    Printer printer = Printer.of(output, environment, spec);
    StackSession session =
        new StackSession(
            environment, stack, output, spec.commandLine().getOut(), spec.commandLine().getErr());
    try (PackagedAssembly packaged = stack.openAssembly()) {
      CloudAssembly assembly = packaged.assembly();
      checkParameters(assembly.parameterNames());
      ConcurrencyBudget.require(session::lambda, reservation(), session.region());
      if (kinds != null) {
        assembly = withKindsLayer(assembly);
      }
      Deployment deployment =
          session
              .deployer(session.confirmation())
              .deploy(
                  new StackDeployer.DeployRequest(
                      assembly,
                      session.stackName(),
                      session.account(),
                      session.region(),
                      parameters,
                      approval,
                      dryRun));
      if (deployment.result() == Result.DRY_RUN) {
        printer.print(dryRun(session, deployment.changes()));
        return ExitCode.OK;
      }
      Map<String, String> outputs = new TreeMap<>(deployment.outputs());
      if (outputsFile != null) {
        OutputsFile.write(outputsFile, session.stackName(), outputs);
      }
      // Without an API URL a target would be unusable: say so rather than store it as current.
      if (!outputs.containsKey(StackOutput.API_URL.key())) {
        throw new JobsException(
            ExitCode.ERROR,
            "stack "
                + session.stackName()
                + (deployment.result() == Result.NO_CHANGES ? " is up to date" : " is deployed")
                + ", but it has no "
                + StackOutput.API_URL.key()
                + " output, so no target was added; is it a jobs stack? outputs: "
                + outputs.keySet());
      }
      Target target = session.register(outputs);
      printer.print(deployed(target, outputs, deployment.result()));
      return ExitCode.OK;
    } catch (SdkException e) {
      throw session.failure(e, "jobs deploy of stack " + stack.stackName);
    }
  }

  /** The kinds layer's zip as one more asset, and its key as the stack's parameter. */
  private CloudAssembly withKindsLayer(CloudAssembly assembly) {
    for (String set : List.of(KindsLayerZip.PARAMETER, KindsLayerZip.TYPES_PARAMETER)) {
      if (parameters.containsKey(set)) {
        throw new JobsException(
            ExitCode.USAGE, "--kinds sets " + set + "; give one or the other, not both");
      }
    }
    if (!assembly.parameterNames().contains(KindsLayerZip.PARAMETER)) {
      throw new JobsException(
          ExitCode.USAGE,
          "this stack's template takes no "
              + KindsLayerZip.PARAMETER
              + ", so it cannot take --kinds");
    }
    String bucket = assembly.assets().get(0).bucketName();
    KindsLayerZip.Layer layer = KindsLayerZip.of(kinds, bucket);
    parameters.put(KindsLayerZip.PARAMETER, layer.zip().objectKey());
    if (assembly.parameterNames().contains(KindsLayerZip.TYPES_PARAMETER)) {
      parameters.put(KindsLayerZip.TYPES_PARAMETER, String.join(",", layer.types()));
    }
    return assembly.withAsset(layer.zip());
  }

  /**
   * Unknown parameter names, values outside a parameter's range and values a choice parameter does
   * not allow ({@link StackSettings}, which the stack's parameters are declared from) are refused
   * before anything is uploaded.
   */
  private void checkParameters(List<String> known) {
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (!known.contains(name)) {
        throw new JobsException(
            ExitCode.USAGE,
            "unknown stack parameter '" + name + "'; the stack takes " + String.join(", ", known));
      }
      Optional<Setting> setting = StackSettings.byParameter(name);
      if (setting.isPresent() && !within(setting.get(), parameter.getValue())) {
        throw new JobsException(
            ExitCode.USAGE,
            "stack parameter "
                + name
                + " must be a whole number, "
                + setting.get().range()
                + ", not '"
                + parameter.getValue()
                + "'");
      }
      Optional<List<String>> choices = StackSettings.choicesOf(name);
      if (choices.isPresent() && !choices.get().contains(parameter.getValue())) {
        throw new JobsException(
            ExitCode.USAGE,
            "stack parameter "
                + name
                + " must be one of "
                + String.join(", ", choices.get())
                + ", not '"
                + parameter.getValue()
                + "'");
      }
    }
  }

  private static boolean within(Setting setting, String value) {
    try {
      return setting.allows(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The reserved concurrency asked for: 0 (none) unless --parameters names one. */
  private int reservation() {
    String value = parameters.get(ConcurrencyBudget.PARAMETER);
    return value == null ? 0 : Integer.parseInt(value.trim());
  }

  /**
   * A dry run's answer: in text the progress lines said it all; JSON gets {@code {"stackName",
   * "region", "result": "DRY_RUN", "changes": [{"action", "logicalId", "resourceType",
   * "replacement"}]}}; {@code -q} the change lines alone.
   */
  private static Answer dryRun(StackSession session, List<ResourceChange> changes) {
    return Answer.of(() -> dryRunJson(session, changes), out -> {}, out -> {});
  }

  private static Object dryRunJson(StackSession session, List<ResourceChange> changes) {
    var root = Json.mapper().createObjectNode();
    root.put("stackName", session.stackName());
    root.put("region", session.region());
    root.put("result", Result.DRY_RUN.name());
    var array = root.putArray("changes");
    for (ResourceChange change : changes) {
      var item = array.addObject();
      item.put("action", change.action());
      item.put("logicalId", change.logicalId());
      item.put("resourceType", change.resourceType());
      item.put("replacement", change.replacement());
    }
    return root.toString();
  }

  private static Answer deployed(Target target, Map<String, String> outputs, Result result) {
    return Answer.of(
        () -> deployedJson(target, outputs, result),
        target.apiUrl(),
        out -> {
          out.println("outputs:");
          outputs.forEach((key, value) -> out.println("  " + key + " = " + value));
          if (target.dashboardUrl() != null && !target.dashboardUrl().isEmpty()) {
            out.println("dashboard: " + target.dashboardUrl() + " (alarms: jobs alarms)");
          }
          out.println(
              "target "
                  + target.name()
                  + " is ready and current: 'jobs submit --seconds 5 --wait' runs a job on AWS"
                  + " ('jobs target use local' switches back)");
        });
  }

  private static Object deployedJson(Target target, Map<String, String> outputs, Result result) {
    var root = Json.mapper().createObjectNode();
    root.put("result", result.name());
    root.put("stackName", target.stackName());
    root.put("region", target.region());
    root.put("target", target.name());
    var values = root.putObject("outputs");
    outputs.forEach(values::put);
    return root.toString();
  }

  /** {@code --require-approval}'s values as users type them. */
  static final class ApprovalConverter
      implements picocli.CommandLine.ITypeConverter<ApprovalPolicy> {
    @Override
    public ApprovalPolicy convert(String value) {
      try {
        return ApprovalPolicy.fromOption(value);
      } catch (IllegalArgumentException e) {
        // Picocli tells a TypeConversionException by its message, after the flag's name; any
        // other by its class name.
        throw new picocli.CommandLine.TypeConversionException(
            "must be never, any-change or broadening, not '" + value + "'");
      }
    }
  }

  /** The values that completion offers. */
  static final class ApprovalCandidates extends java.util.ArrayList<String> {
    ApprovalCandidates() {
      super(List.of("never", "any-change", "broadening"));
    }
  }
}
