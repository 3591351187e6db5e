package dev.jobs.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * A function running one of the backend's handlers from its Lambda artifact, with its own role (no
 * managed policy: it may write only to its own encrypted log group until the caller grants more)
 * and its own log group, in Lambda's JSON log format.
 */
final class BackendFunction extends Construct {
  /** The runtime the issue prescribes; the backend is compiled for 17 and runs on it. */
  static final Runtime RUNTIME = Runtime.JAVA_21;

  final Role role;
  final Function function;
  final LogGroup logGroup;

  /**
   * What every function of the backend is built from: the props, the deploy-time parameters, the
   * backend's artifact, the stack's log encryption, and the table every handler works on (its name
   * in {@code TABLE_NAME}, which the backend requires).
   */
  record Parts(
      JobsStackProps props,
      StackParameters parameters,
      Code code,
      EncryptedLogs logs,
      JobTable table) {}

  /** A function of one of the backend's handlers; what is not set keeps its default. */
  static Builder builder(Construct scope, String id, Parts parts) {
    return new Builder(scope, id, parts);
  }

  static final class Builder {
    private final Construct scope;
    private final String id;
    private final Parts parts;
    private final Map<String, String> environment = new HashMap<>();
    private String handler;
    private String description;
    private Duration timeout;
    private Number reservedConcurrency;
    private boolean snapStart;

    private Builder(Construct scope, String id, Parts parts) {
      this.scope = scope;
      this.id = id;
      this.parts = parts;
      environment.put("TABLE_NAME", parts.table().table.getTableName());
    }

    /** The handler, {@code class::handleRequest}, and what it does, for the console. */
    Builder handler(String handler, String description) {
      this.handler = handler;
      this.description = description;
      return this;
    }

    Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** None unless set. */
    Builder reservedConcurrency(Number reservedConcurrency) {
      this.reservedConcurrency = reservedConcurrency;
      return this;
    }

    /** SnapStart on published versions, for a function a caller waits for. */
    Builder snapStart() {
      this.snapStart = true;
      return this;
    }

    /** An environment variable besides {@code TABLE_NAME}. */
    Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    BackendFunction build() {
      return new BackendFunction(this);
    }
  }

  private BackendFunction(Builder spec) {
    super(spec.scope, spec.id);
    logGroup = spec.parts.logs().logGroup(this, "Logs");
    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description(spec.description + ": execution role")
            .build();
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
            .resources(List.of(logGroup.getLogGroupArn()))
            .build());
    Function.Builder builder =
        Function.Builder.create(this, "Function")
            .runtime(RUNTIME)
            .code(spec.parts.code())
            .handler(spec.handler)
            .description(spec.description)
            .role(role)
            .logGroup(logGroup)
            // Lambda's JSON log format: its own lines (start, end, report) are JSON with the
            // request id, and so are the job log lines the backend writes, which jobs logs finds
            // with a JSON filter pattern on jobId.
            .loggingFormat(LoggingFormat.JSON)
            .memorySize(spec.parts.props().memorySizeMb())
            .timeout(spec.timeout)
            .environment(Map.copyOf(spec.environment));
    if (spec.reservedConcurrency != null) {
      builder.reservedConcurrentExecutions(spec.reservedConcurrency);
    }
    if (spec.snapStart) {
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
