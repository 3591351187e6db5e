package dev.jobs.infra;

import java.util.List;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.apigateway.CfnGatewayResponse;
import software.amazon.awscdk.services.apigateway.CfnModel;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.CfnLayerVersion;
import software.constructs.Construct;

/**
 * The user's own job kinds on AWS: a Lambda layer of their jars ({@code java/lib/*.jar}, which the
 * Java runtime puts on the class path, where the backend's ServiceLoader finds them), made from the
 * zip that {@code jobs deploy --kinds} uploads to the asset bucket and names in {@code
 * KindsLayerKey}. Only when that parameter is set does the layer exist and do the functions take
 * it, so a stack without kinds is the stack it was. And the managed policies such kinds need for
 * their own work, on the processing function's role, only when {@code ProcessingPolicyArns} names
 * some.
 */
final class KindsLayer extends Construct {
  private final CfnCondition hasLayer;
  private final CfnCondition hasPolicies;
  private final CfnLayerVersion layer;
  private final StackParameters parameters;

  KindsLayer(Construct scope, String id, StackParameters parameters) {
    super(scope, id);
    this.parameters = parameters;
    hasLayer =
        CfnCondition.Builder.create(this, "HasKindsLayer")
            .expression(
                Fn.conditionNot(
                    Fn.conditionEquals(parameters.kindsLayerKey.getValueAsString(), "")))
            .build();
    hasPolicies =
        CfnCondition.Builder.create(this, "HasProcessingPolicies")
            .expression(
                Fn.conditionNot(
                    Fn.conditionEquals(
                        Fn.join("", parameters.processingPolicyArns.getValueAsList()), "")))
            .build();
    layer =
        CfnLayerVersion.Builder.create(this, "Layer")
            .description("Jobs: the job kinds of your own jars")
            .compatibleRuntimes(List.of(BackendFunction.RUNTIME.getName()))
            .content(
                CfnLayerVersion.ContentProperty.builder()
                    .s3Bucket(Fn.sub(JobsStack.ASSET_BUCKET))
                    .s3Key(parameters.kindsLayerKey.getValueAsString())
                    .build())
            .build();
    layer.getCfnOptions().setCondition(hasLayer);
  }

  /** The function runs with the layer when there is one. */
  void addTo(BackendFunction function) {
    ((CfnFunction) function.function.getNode().getDefaultChild())
        .addPropertyOverride(
            "Layers",
            Fn.conditionIf(hasLayer.getLogicalId(), List.of(layer.getRef()), Aws.NO_VALUE));
  }

  /**
   * The API's model accepts the parameter's job types alone, so an unknown type is refused at once
   * (the 400's body names the known ones); the kinds' own validation still checks their parameters.
   * The schema file leaves {@code type} open; the stack adds the enum.
   */
  void limitTypesOf(JobsApi api) {
    ((CfnModel) api.jobRequest.getNode().getDefaultChild())
        .addPropertyOverride("Schema.properties.type.enum", parameters.jobTypes.getValueAsList());
    ((CfnGatewayResponse) api.invalidBody.getNode().getDefaultChild())
        .addPropertyOverride(
            "ResponseTemplates." + JobsApi.JSON,
            Fn.join(
                "",
                List.of(
                    JobsApi.INVALID_BODY_HEAD,
                    Fn.join(JobsApi.INVALID_BODY_SEPARATOR, parameters.jobTypes.getValueAsList()),
                    JobsApi.INVALID_BODY_TAIL)));
  }

  /** The role gets the parameter's managed policies when it names any. */
  void addPoliciesTo(BackendFunction function) {
    CfnRole role = (CfnRole) function.role.getNode().getDefaultChild();
    // The synthesis's own cfn-lint reads the list's empty default into the condition's true
    // branch, which the condition excludes: the ARNs it checks there are never deployed.
    Validations.of(role)
        .acknowledge(
            Acknowledgment.builder()
                .id("CloudFormation-Validate::F3031")
                .reason(
                    "ManagedPolicyArns is the ProcessingPolicyArns list only when it is not empty")
                .build());
    role.addPropertyOverride(
        "ManagedPolicyArns",
        Fn.conditionIf(
            hasPolicies.getLogicalId(),
            parameters.processingPolicyArns.getValueAsList(),
            Aws.NO_VALUE));
  }
}
