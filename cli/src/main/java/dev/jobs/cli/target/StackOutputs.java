package dev.jobs.cli.target;

import dev.jobs.backend.settings.StackOutput;
import dev.jobs.cli.aws.AwsErrors;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Reads a stack's outputs with CloudFormation {@code DescribeStacks}. */
public final class StackOutputs {
  private StackOutputs() {}

  public static Map<String, String> describe(CloudFormationClient cloudFormation, String stack) {
    Stack found;
    try {
      found =
          cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().stream()
              .findFirst()
              .orElseThrow(() -> notFound(stack));
    } catch (CloudFormationException e) {
      if ("ValidationError".equals(AwsErrors.code(e))
          && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
        throw notFound(stack);
      }
      throw AwsErrors.translate(e, "DescribeStacks " + stack);
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "DescribeStacks " + stack);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output output : found.outputs()) {
      outputs.put(output.outputKey(), output.outputValue());
    }
    if (!outputs.containsKey(StackOutput.API_URL.key())) {
      throw new JobsException(
          ExitCode.ERROR,
          "stack "
              + stack
              + " has no "
              + StackOutput.API_URL.key()
              + " output; is it a jobs stack? outputs: "
              + outputs.keySet());
    }
    return outputs;
  }

  private static JobsException notFound(String stack) {
    return new JobsException(ExitCode.NOT_FOUND, "stack " + stack + " does not exist");
  }
}
