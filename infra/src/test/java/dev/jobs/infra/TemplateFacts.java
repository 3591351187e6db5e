package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Small lookups on a synthesized template, for facts that name other resources. */
final class TemplateFacts {
  private TemplateFacts() {}

  /** The logical id of the one resource of a type whose properties match. */
  static String logicalId(Template template, String type, Map<String, ?> properties) {
    Map<String, Map<String, Object>> found =
        template.findResources(type, Map.of("Properties", Match.objectLike(properties)));
    assertThat(found).as("resources of type %s matching %s", type, properties).hasSize(1);
    return found.keySet().iterator().next();
  }

  /** The logical id of the function of a handler ({@code class::handleRequest}). */
  static String functionOf(Template template, String handler) {
    return logicalId(template, "AWS::Lambda::Function", Map.of("Handler", handler));
  }

  /** The logical id of the published version of a function. */
  static String versionOf(Template template, String function) {
    return logicalId(template, "AWS::Lambda::Version", Map.of("FunctionName", ref(function)));
  }

  /** The logical id of the KMS key of this description. */
  static String keyOf(Template template, String description) {
    return logicalId(template, "AWS::KMS::Key", Map.of("Description", description));
  }

  /**
   * The logical id of the one SQS queue whose logical id holds a construct's name ({@code
   * ReplayDeadLetters}, {@code UndispatchedJobs}): the stack has several, alike in properties.
   */
  static String queueNamed(Template template, String name) {
    List<String> found =
        template.findResources("AWS::SQS::Queue").keySet().stream()
            .filter(id -> id.contains(name))
            .toList();
    assertThat(found).as("queues named %s", name).hasSize(1);
    return found.get(0);
  }

  /** The logical id of the job table: the table with the list index (the other one counts). */
  static String jobTable(Template template) {
    return logicalId(
        template,
        "AWS::DynamoDB::Table",
        Map.of(
            "GlobalSecondaryIndexes",
            Match.arrayWith(List.of(Match.objectLike(Map.of("IndexName", JobTable.LIST_INDEX))))));
  }

  /** The logical id of the only resource of a type. */
  static String onlyLogicalId(Template template, String type) {
    Map<String, Map<String, Object>> found = template.findResources(type);
    assertThat(found).as("resources of type %s", type).hasSize(1);
    return found.keySet().iterator().next();
  }

  /** The properties of a resource. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Template template, String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
    Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
    return (Map<String, Object>) resource.get("Properties");
  }

  /** The logical id of a function's execution role. */
  static String roleOf(Template template, String function) {
    Map<?, ?> role = (Map<?, ?>) properties(template, function).get("Role");
    return (String) ((List<?>) role.get("Fn::GetAtt")).get(0);
  }

  /** The logical id of the alias of a function. */
  static String aliasOf(Template template, String function) {
    return logicalId(template, "AWS::Lambda::Alias", Map.of("FunctionName", ref(function)));
  }

  /**
   * Asserts that SnapStart snapshots a function: on its published versions, the one alias of the
   * function being {@code live} and naming such a version.
   */
  static void assertSnapStartBehindLiveAlias(Template template, String function) {
    assertThat(properties(template, function))
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    assertThat(properties(template, aliasOf(template, function)))
        .containsEntry("Name", "live")
        .containsEntry(
            "FunctionVersion",
            Map.of("Fn::GetAtt", List.of(versionOf(template, function), "Version")));
  }

  /** Every statement of the policies attached to a role. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> statementsOf(Template template, String role) {
    return template
        .findResources(
            "AWS::IAM::Policy",
            Map.of("Properties", Match.objectLike(Map.of("Roles", List.of(ref(role))))))
        .values()
        .stream()
        .map(policy -> (Map<String, Object>) policy.get("Properties"))
        .map(properties -> (Map<String, Object>) properties.get("PolicyDocument"))
        .flatMap(document -> ((List<Map<String, Object>>) document.get("Statement")).stream())
        .toList();
  }

  /** The logical id of the replay rule (the monitoring has a rule on the bus too). */
  static String replayRule(Template template) {
    return logicalId(
        template, "AWS::Events::Rule", Map.of("EventPattern", JobReplay.REPLAYED_EVENTS));
  }

  /**
   * The properties of the policy attached to a role whose statements are these, in this order: a
   * pattern for {@code hasResourceProperties("AWS::IAM::Policy", ...)}.
   */
  static Map<String, Object> policyOf(String role, List<?> statements) {
    return Map.of("Roles", List.of(ref(role)), "PolicyDocument", Map.of("Statement", statements));
  }

  /** A statement that allows these actions (one, or a list) on one resource, and nothing else. */
  static Map<String, Object> allow(Object actions, Object resource) {
    return Map.of("Action", actions, "Effect", "Allow", "Resource", resource);
  }

  /** The properties of the event source mapping that feeds a function. */
  static Map<String, Object> eventSourceOf(Template template, String function) {
    return properties(
        template,
        logicalId(
            template, "AWS::Lambda::EventSourceMapping", Map.of("FunctionName", ref(function))));
  }

  /** The statement that lets a stream's reader read it, and nothing else. */
  static Map<String, Object> readsStreamOf(String table) {
    return allow(
        List.of(
            "dynamodb:DescribeStream",
            "dynamodb:GetRecords",
            "dynamodb:GetShardIterator",
            "dynamodb:ListStreams"),
        streamArnOf(table));
  }

  /** The statement of every function's role that lets it write to its own log group. */
  static Object writesItsLog() {
    return Match.objectLike(Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents")));
  }

  /**
   * The environment of a function that writes job records: its table, and the retention that sets
   * each record's expiry.
   */
  static Map<String, Object> tableAndRetention(Template template) {
    String table = jobTable(template);
    return Map.of(
        "Variables",
        Map.of("TABLE_NAME", ref(table), "JOB_RETENTION_DAYS", ref("JobRetentionDays")));
  }

  /**
   * The parts of the deployed stage's ARN as the template joins them, up to the method and path:
   * {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API/STAGE}, each part followed by {@code ", "}.
   */
  static String stageArnParts(Template template) {
    String api = onlyLogicalId(template, "AWS::ApiGateway::RestApi");
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    return "arn:, {Ref=AWS::Partition}, :execute-api:, {Ref=AWS::Region}, :,"
        + " {Ref=AWS::AccountId}, :, {Ref="
        + api
        + "}, /, {Ref="
        + stage
        + "}, ";
  }

  static Map<String, Object> ref(String logicalId) {
    return Map.of("Ref", logicalId);
  }

  static Map<String, Object> arnOf(String logicalId) {
    return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
  }

  /** What CloudFormation makes of these parts joined with nothing between them. */
  static Map<String, Object> joined(Object... parts) {
    return Map.of("Fn::Join", List.of("", List.of(parts)));
  }

  static Map<String, Object> streamArnOf(String table) {
    return Map.of("Fn::GetAtt", List.of(table, "StreamArn"));
  }
}
