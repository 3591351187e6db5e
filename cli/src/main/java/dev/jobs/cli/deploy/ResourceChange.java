package dev.jobs.cli.deploy;

import java.util.Set;

/** One resource a change set adds, modifies or removes. */
public record ResourceChange(
    String action, String logicalId, String resourceType, String replacement) {
  /** Resources that grant access: changing them may widen who can do what. */
  private static final Set<String> SECURITY_TYPES =
      Set.of(
          "AWS::IAM::Role",
          "AWS::IAM::Policy",
          "AWS::IAM::ManagedPolicy",
          "AWS::IAM::User",
          "AWS::IAM::Group",
          "AWS::IAM::InstanceProfile",
          "AWS::IAM::RolePolicy",
          "AWS::Lambda::Permission",
          "AWS::S3::BucketPolicy",
          "AWS::SQS::QueuePolicy",
          "AWS::SNS::TopicPolicy",
          "AWS::Events::EventBusPolicy",
          "AWS::KMS::Key",
          "AWS::Logs::ResourcePolicy",
          "AWS::ApiGateway::RestApi");

  /** True when the change adds or modifies a resource that grants access. */
  public boolean broadensSecurity() {
    return !"Remove".equals(action) && SECURITY_TYPES.contains(resourceType);
  }

  /** A summary line, such as {@code + JobsTable AWS::DynamoDB::Table}. */
  public String describe() {
    String sign =
        switch (action) {
          case "Add" -> "+";
          case "Remove" -> "-";
          case "Import" -> "<";
          default -> "~";
        };
    String replaced =
        switch (replacement == null ? "" : replacement) {
          case "True" -> " (replaced)";
          case "Conditional" -> " (may be replaced)";
          default -> "";
        };
    return sign + " " + logicalId + " " + resourceType + replaced;
  }
}
