package dev.jobs.cli.deploy;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.output.Confirmation;
import dev.jobs.cli.output.Poller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Deploys the packaged cloud assembly with CloudFormation change sets, and destroys it: the engine
 * of {@code jobs deploy} and {@code jobs destroy}.
 */
public final class StackDeployer {
  /** What to deploy, and how. */
  public record DeployRequest(
      CloudAssembly assembly,
      String stackName,
      String account,
      String region,
      Map<String, String> parameters,
      ApprovalPolicy approval,
      boolean dryRun) {}

  /** How a deployment ended. */
  public enum Result {
    DEPLOYED,
    NO_CHANGES,
    DRY_RUN
  }

  /** A deployment's result and the stack's outputs afterwards. */
  /** What a deployment did; a dry run's changes are what it would have done. */
  public record Deployment(
      Result result, Map<String, String> outputs, List<ResourceChange> changes) {
    Deployment(Result result, Map<String, String> outputs) {
      this(result, outputs, List.of());
    }
  }

  private static final List<String> NO_CHANGE_REASONS =
      List.of("didn't contain changes", "No updates are to be performed");

  private final CloudFormationClient cloudFormation;
  private final AssetPublisher assets;
  private final StackWatcher watcher;
  private final ProgressPrinter progress;
  private final Optional<Confirmation> confirmation;
  private final Poller poller;

  public StackDeployer(
      CloudFormationClient cloudFormation,
      AssetPublisher assets,
      ProgressPrinter progress,
      Optional<Confirmation> confirmation,
      Poller poller) {
    this.cloudFormation = cloudFormation;
    this.assets = assets;
    this.progress = progress;
    this.confirmation = confirmation;
    this.poller = poller;
    this.watcher = new StackWatcher(cloudFormation, progress, poller);
  }

  public Deployment deploy(DeployRequest request) throws InterruptedException {
    Map<String, String> placeholders =
        CloudAssembly.placeholders(request.account(), request.region());
    String bucket = request.assembly().bucket(placeholders);
    AwsCalls.run("s3:CreateBucket", bucket, () -> assets.ensureBucket(bucket, request.region()));
    AwsCalls.run(
        "s3:PutObject",
        bucket,
        () ->
            assets.publish(
                request.assembly().assets().stream().map(a -> a.resolve(placeholders)).toList()));

    String stack = request.stackName();
    Optional<Stack> existing = describe(stack);
    if (existing.isPresent() && existing.get().stackStatusAsString().equals("ROLLBACK_COMPLETE")) {
      throw new JobsException(
          ExitCode.ERROR,
          "stack "
              + stack
              + " is in ROLLBACK_COMPLETE after a failed first deployment; run 'jobs destroy --stack-name "
              + stack
              + "' and deploy again");
    }
    boolean create =
        existing.isEmpty() || existing.get().stackStatusAsString().equals("REVIEW_IN_PROGRESS");
    String changeSet = "jobs-deploy-" + poller.clock().millis();
    String stackId =
        AwsCalls.call(
            "cloudformation:CreateChangeSet",
            stack,
            () ->
                cloudFormation
                    .createChangeSet(
                        b ->
                            b.stackName(stack)
                                .changeSetName(changeSet)
                                .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                                .templateURL(
                                    request
                                        .assembly()
                                        .templateHttpsUrl(placeholders, request.region()))
                                .parameters(
                                    parameters(
                                        request.parameters(),
                                        request.assembly().parameterNames(),
                                        create ? List.of() : existing.get().parameters()))
                                .capabilities(
                                    Capability.CAPABILITY_IAM,
                                    Capability.CAPABILITY_NAMED_IAM,
                                    Capability.CAPABILITY_AUTO_EXPAND)
                                .description("jobs deploy"))
                    .stackId());

    DescribeChangeSetResponse described = awaitChangeSet(stackId, changeSet);
    if (described.statusAsString().equals("FAILED")) {
      String reason = described.statusReason() == null ? "" : described.statusReason();
      discard(stackId, changeSet, create);
      if (NO_CHANGE_REASONS.stream().anyMatch(reason::contains)) {
        progress.line("no changes: stack " + stack + " is up to date");
        return new Deployment(Result.NO_CHANGES, outputs(stackId));
      }
      throw new JobsException(ExitCode.ERROR, "the change set for " + stack + " failed: " + reason);
    }
    List<ResourceChange> changes = changes(stackId, changeSet);
    progress.line(
        (create ? "creating" : "updating")
            + " stack "
            + stack
            + ": "
            + changes.size()
            + " changes");
    changes.forEach(change -> progress.line("  " + change.describe()));

    if (request.dryRun()) {
      discard(stackId, changeSet, create);
      progress.line("dry run: change set deleted, nothing deployed");
      return new Deployment(Result.DRY_RUN, Map.of(), changes);
    }
    if (request.approval().requiresApproval(changes)) {
      String question =
          request.approval() == ApprovalPolicy.BROADENING
              ? "This deployment changes IAM or resource policies (broadens security). Deploy?"
              : "Deploy these changes?";
      if (confirmation.isEmpty()) {
        discard(stackId, changeSet, create);
        throw new JobsException(
            ExitCode.ERROR,
            (request.approval() == ApprovalPolicy.BROADENING
                    ? "the change set broadens security"
                    : "the change set needs approval")
                + " and there is no terminal to confirm on; run it on a terminal or pass --require-approval never");
      }
      if (!confirmation.get().confirm(question)) {
        discard(stackId, changeSet, create);
        throw new JobsException(ExitCode.ERROR, "deployment cancelled; the change set was deleted");
      }
    }

    Instant start = poller.clock().instant().minusSeconds(1);
    execute(stack, stackId, changeSet);
    StackWatcher.Outcome outcome = watcher.watch(stackId, start, changes.size());
    if (!outcome.succeeded()) {
      throw failure(stack, outcome);
    }
    progress.line("stack " + stack + " " + outcome.stackStatus());
    return new Deployment(Result.DEPLOYED, outputs(stackId));
  }

  /**
   * Executes the change set. The SDK retries a 5xx, and ExecuteChangeSet is not idempotent: when a
   * first attempt went through but its answer was lost, the retry is refused with {@code
   * InvalidChangeSetStatus}. Then the change set says whether it is executing, and if so the
   * deployment goes on.
   */
  private void execute(String stack, String stackId, String changeSet) {
    try {
      AwsCalls.run(
          "cloudformation:ExecuteChangeSet",
          stack,
          () ->
              cloudFormation.executeChangeSet(b -> b.stackName(stackId).changeSetName(changeSet)));
    } catch (CloudFormationException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (!"InvalidChangeSetStatus".equals(code)) {
        throw e;
      }
      String execution =
          cloudFormation
              .describeChangeSet(b -> b.stackName(stackId).changeSetName(changeSet))
              .executionStatusAsString();
      if (!execution.startsWith("EXECUTE_")) {
        throw e;
      }
    }
  }

  /**
   * Deletes the stack and follows the deletion to its end.
   *
   * @return false when there was no such stack
   */
  public boolean destroy(String stackName) throws InterruptedException {
    Optional<Stack> existing = describe(stackName);
    if (existing.isEmpty()) {
      progress.line("stack " + stackName + " does not exist");
      return false;
    }
    String stackId = existing.get().stackId();
    int total =
        cloudFormation
            .listStackResourcesPaginator(b -> b.stackName(stackId))
            .stackResourceSummaries()
            .stream()
            .mapToInt(r -> 1)
            .sum();
    Instant start = poller.clock().instant().minusSeconds(1);
    AwsCalls.run(
        "cloudformation:DeleteStack",
        stackName,
        () -> cloudFormation.deleteStack(b -> b.stackName(stackId)));
    StackWatcher.Outcome outcome = watcher.watch(stackId, start, total);
    if (!outcome.succeeded()) {
      throw failure(stackName, outcome);
    }
    progress.line("stack " + stackName + " deleted");
    return true;
  }

  private static JobsException failure(String stack, StackWatcher.Outcome outcome) {
    String detail =
        outcome
            .firstFailure()
            .map(
                (StackEvent e) ->
                    "; first failure: "
                        + e.logicalResourceId()
                        + " ("
                        + e.resourceType()
                        + "): "
                        + e.resourceStatusReason())
            .orElse("");
    return new JobsException(
        ExitCode.ERROR, "stack " + stack + " ended in " + outcome.stackStatus() + detail);
  }

  private Optional<Stack> describe(String stack) {
    try {
      return AwsCalls.call(
          "cloudformation:DescribeStacks",
          stack,
          () ->
              cloudFormation.describeStacks(b -> b.stackName(stack)).stacks().stream().findFirst());
    } catch (CloudFormationException e) {
      if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private DescribeChangeSetResponse awaitChangeSet(String stackId, String changeSet)
      throws InterruptedException {
    return poller.await(
        waited -> {
          DescribeChangeSetResponse response =
              AwsCalls.call(
                  "cloudformation:DescribeChangeSet",
                  changeSet,
                  () ->
                      cloudFormation.describeChangeSet(
                          b -> b.stackName(stackId).changeSetName(changeSet)));
          String status = response.statusAsString();
          return status.equals("CREATE_COMPLETE") || status.equals("FAILED")
              ? Optional.of(response)
              : Optional.empty();
        });
  }

  private List<ResourceChange> changes(String stackId, String changeSet) {
    List<ResourceChange> changes = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      DescribeChangeSetResponse page =
          cloudFormation.describeChangeSet(
              b -> b.stackName(stackId).changeSetName(changeSet).nextToken(next));
      for (Change change : page.changes()) {
        var resource = change.resourceChange();
        changes.add(
            new ResourceChange(
                resource.actionAsString(),
                resource.logicalResourceId(),
                resource.resourceType(),
                resource.replacementAsString()));
      }
      token = page.nextToken();
    } while (token != null);
    return changes;
  }

  /** Deletes an unexecuted change set, and the empty stack a CREATE change set made. */
  private void discard(String stackId, String changeSet, boolean create) {
    cloudFormation.deleteChangeSet(b -> b.stackName(stackId).changeSetName(changeSet));
    if (create) {
      cloudFormation.deleteStack(b -> b.stackName(stackId));
    }
  }

  private Map<String, String> outputs(String stackId) {
    Map<String, String> outputs = new LinkedHashMap<>();
    describe(stackId)
        .ifPresent(
            stack -> stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue())));
    return outputs;
  }

  /**
   * The given values, and on an update the previous value of every other parameter the stack has:
   * CloudFormation would otherwise put a parameter left out back to its default. A parameter new in
   * the template takes its default.
   */
  private static List<Parameter> parameters(
      Map<String, String> values, List<String> templateParameters, List<Parameter> previous) {
    List<Parameter> parameters = new ArrayList<>();
    values.forEach(
        (key, value) ->
            parameters.add(Parameter.builder().parameterKey(key).parameterValue(value).build()));
    Set<String> stackHas =
        previous.stream().map(Parameter::parameterKey).collect(Collectors.toSet());
    for (String name : templateParameters) {
      if (!values.containsKey(name) && stackHas.contains(name)) {
        parameters.add(Parameter.builder().parameterKey(name).usePreviousValue(true).build());
      }
    }
    return parameters;
  }
}
