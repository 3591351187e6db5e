package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A function running one of the backend's handlers from its Lambda artifact, with its own role (no
 * managed policy: it may write only to its own encrypted log group until the caller grants more)
 * and its own log group.
 */
final class BackendFunction extends Construct {
  /** The runtime the issue prescribes; the backend is compiled for 17 and runs on it. */
  static final Runtime RUNTIME = Runtime.JAVA_21;

  final Role role;
  final Function function;

  /**
   * @param reservedConcurrency null for none
   */
  BackendFunction(
      Construct scope,
      String id,
      Code code,
      String handler,
      String description,
      EncryptedLogs logs,
      int memorySizeMb,
      Duration timeout,
      Number reservedConcurrency,
      boolean snapStart,
      Map<String, String> environment) {
    super(scope, id);
    LogGroup logGroup = logs.logGroup(this, "Logs");
    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description(description + ": execution role")
            .build();
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
            .resources(List.of(logGroup.getLogGroupArn()))
            .build());
    Function.Builder builder =
        Function.Builder.create(this, "Function")
            .runtime(RUNTIME)
            .code(code)
            .handler(handler)
            .description(description)
            .role(role)
            .logGroup(logGroup)
            .memorySize(memorySizeMb)
            .timeout(timeout)
            .environment(environment);
    if (reservedConcurrency != null) {
      builder.reservedConcurrentExecutions(reservedConcurrency);
    }
    if (snapStart) {
      builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
    }
    function = builder.build();
    NagSuppression.apply(
        function,
        new NagSuppression(
            "AwsSolutions-L1",
            "java21 is the runtime the backend is built and tested for (SnapStart included);"
                + " moving to a newer Java runtime is a deliberate upgrade, not a deploy-time"
                + " default"));
  }
}
