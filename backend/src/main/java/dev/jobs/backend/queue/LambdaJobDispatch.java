package dev.jobs.backend.queue;

import dev.jobs.backend.aws.FunctionEnvironment;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The dispatch on Lambda: {@code Invoke} with {@code InvocationType Event}, so that the processing
 * function's asynchronous retries, event age and on-failure destination hold for a queued job as
 * for one {@code POST /jobs} started.
 */
public record LambdaJobDispatch(LambdaClient lambda, String function) implements JobDispatch {
  /** Lambda's answer to an accepted asynchronous invocation. */
  private static final int ACCEPTED = 202;

  /**
   * The Lambda wiring: the processing function's alias ARN from {@code PROCESSING_FUNCTION}, region
   * from {@code AWS_REGION}, credentials from the environment Lambda sets, an endpoint override
   * from {@code LAMBDA_ENDPOINT} when set (tests).
   */
  public static LambdaJobDispatch fromEnvironment(Map<String, String> env) {
    FunctionEnvironment environment = new FunctionEnvironment(env);
    String function =
        environment.required(
            "PROCESSING_FUNCTION", "the dispatcher invokes the processing function's alias");
    return new LambdaJobDispatch(
        environment.client(
            LambdaClient.builder(),
            EnvironmentVariableCredentialsProvider.create(),
            "LAMBDA_ENDPOINT"),
        function);
  }

  @Override
  public void invoke(String payload) {
    InvokeResponse response =
        lambda.invoke(
            r ->
                r.functionName(function)
                    .invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String(payload)));
    if (response.statusCode() == null || response.statusCode() != ACCEPTED) {
      throw new IllegalStateException(
          "Lambda answered " + response.statusCode() + " to the invocation of " + function);
    }
  }
}
