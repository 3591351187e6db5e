package dev.jobs.infra;

import dev.jobs.backend.settings.StackSettings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * JobsAPIInvokeRole: the role a client assumes to call the API. Assumable by the account (as in the
 * original pattern) or by the principals given; it may invoke exactly the methods given, each by
 * its own ARN.
 */
final class InvokeRole extends Construct {
  static final String DESCRIPTION =
      "Calls the jobs API: POST /jobs, GET /jobs, GET /jobs/{jobId}, POST /jobs/{jobId}/cancel,"
          + " PUT /jobs/{jobId} and POST /jobs/{jobId}/retry";

  final Role role;

  InvokeRole(Construct scope, String id, List<String> principals, Method... methods) {
    super(scope, id);
    IPrincipal assumedBy =
        principals.isEmpty()
            ? new AccountRootPrincipal()
            : new CompositePrincipal(
                principals.stream().map(ArnPrincipal::new).toArray(IPrincipal[]::new));
    role =
        Role.Builder.create(this, "JobsAPIInvokeRole")
            .assumedBy(assumedBy)
            .description(DESCRIPTION)
            // IAM's default, explicit: the CLI asks for sessions of this length, and the local
            // STS refuses longer ones as STS would.
            .maxSessionDuration(Duration.seconds(StackSettings.INVOKE_ROLE_MAX_SESSION_SECONDS))
            .build();
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("execute-api:Invoke"))
            .resources(List.of(methods).stream().map(Method::getMethodArn).toList())
            .build());
    NagSuppression.apply(
        role,
        new NagSuppression(
            "AwsSolutions-IAM5",
            "The only wildcards are the {jobId} path parameter of GET /jobs/{jobId}, PUT"
                + " /jobs/{jobId}, POST /jobs/{jobId}/cancel and POST /jobs/{jobId}/retry: the"
                + " role may read, name, cancel and retry any job, through those four methods",
            List.of(
                NagSuppression.matching("^Resource::arn:.*/GET/jobs/\\*$"),
                NagSuppression.matching("^Resource::arn:.*/PUT/jobs/\\*$"),
                NagSuppression.matching("^Resource::arn:.*/POST/jobs/\\*/cancel$"),
                NagSuppression.matching("^Resource::arn:.*/POST/jobs/\\*/retry$"))));
  }
}
