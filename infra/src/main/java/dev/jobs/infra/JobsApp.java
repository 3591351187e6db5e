package dev.jobs.infra;

import java.nio.file.Path;
import java.util.Arrays;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The CDK app. The build runs it to write the cloud assembly that {@code jobs deploy} deploys
 * without Node; {@code cdk.json} lets the CDK CLI run it too.
 *
 * <p>System properties: {@code jobs.cdk.outdir} (where to write the assembly, unless the CDK CLI
 * says with {@code CDK_OUTDIR}) and {@code jobs.backend.jar} (the backend's Lambda artifact).
 * Context ({@code cdk -c}): {@code stageName}, {@code invokePrincipals} (comma-separated ARNs).
 */
public final class JobsApp {
  static final String DEFAULT_BACKEND_JAR = "target/lambda/backend-lambda.jar";

  private JobsApp() {}

  public static void main(String[] args) {
    String outdir = System.getProperty("jobs.cdk.outdir");
    // The CDK CLI passes its output folder in CDK_OUTDIR; App reads it when outdir is not set.
    App app =
        outdir != null && System.getenv("CDK_OUTDIR") == null
            ? new App(AppProps.builder().outdir(outdir).build())
            : new App();
    JobsStackProps.Builder props =
        JobsStackProps.builder(
            Path.of(System.getProperty("jobs.backend.jar", DEFAULT_BACKEND_JAR)));
    if (app.getNode().tryGetContext("stageName") instanceof String stage) {
      props.stageName(stage);
    }
    if (app.getNode().tryGetContext("invokePrincipals") instanceof String principals
        && !principals.isBlank()) {
      props.invokePrincipals(Arrays.stream(principals.split(",")).map(String::trim).toList());
    }
    JobsStack.createStack(app, props.build());
    app.synth();
  }
}
