package dev.jobs.cli.deploy;

/** CloudFormation's query-protocol answers, as the service writes them. */
final class CloudFormationXml {
  static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
  static final String STACK_ID =
      "arn:aws:cloudformation:us-east-1:123456789012:stack/jobs/0f1e2d3c";

  private CloudFormationXml() {}

  static String response(String action, String result) {
    return "<"
        + action
        + "Response xmlns=\""
        + NS
        + "\"><"
        + action
        + "Result>"
        + result
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>3c1e9b2a-0000-4000-8000-000000000001</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  static String error(String code, String message) {
    return "<ErrorResponse xmlns=\""
        + NS
        + "\"><Error><Type>Sender</Type><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>3c1e9b2a-0000-4000-8000-000000000002</RequestId></ErrorResponse>";
  }

  static String stack(String status, String outputs) {
    return stack(status, outputs, null);
  }

  static String stack(String status, String outputs, String parameters) {
    return response(
        "DescribeStacks",
        "<Stacks><member><StackName>jobs</StackName><StackId>"
            + STACK_ID
            + "</StackId><StackStatus>"
            + status
            + "</StackStatus><CreationTime>2026-11-26T11:00:00Z</CreationTime>"
            + (parameters == null ? "" : "<Parameters>" + parameters + "</Parameters>")
            + (outputs == null ? "" : "<Outputs>" + outputs + "</Outputs>")
            + "</member></Stacks>");
  }

  static String parameter(String key, String value) {
    return "<member><ParameterKey>"
        + key
        + "</ParameterKey><ParameterValue>"
        + value
        + "</ParameterValue></member>";
  }

  static String output(String key, String value) {
    return "<member><OutputKey>"
        + key
        + "</OutputKey><OutputValue>"
        + value
        + "</OutputValue></member>";
  }

  static String createChangeSet() {
    return response(
        "CreateChangeSet",
        "<Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/jobs-deploy-1/9a8b</Id><StackId>"
            + STACK_ID
            + "</StackId>");
  }

  static String changeSet(String status, String reason, String... changes) {
    StringBuilder members = new StringBuilder();
    for (String change : changes) {
      String[] parts = change.split(" ");
      members
          .append("<member><Type>Resource</Type><ResourceChange>")
          .append(element("Action", parts[0]))
          .append(element("LogicalResourceId", parts[1]))
          .append(element("ResourceType", parts[2]))
          .append(parts.length > 3 ? element("Replacement", parts[3]) : "")
          .append("</ResourceChange></member>");
    }
    return response(
        "DescribeChangeSet",
        "<ChangeSetName>jobs-deploy-1</ChangeSetName><StackId>"
            + STACK_ID
            + "</StackId><StackName>jobs</StackName><ExecutionStatus>"
            + (status.equals("CREATE_COMPLETE") ? "AVAILABLE" : "UNAVAILABLE")
            + "</ExecutionStatus><Status>"
            + status
            + "</Status>"
            + (reason == null ? "" : "<StatusReason>" + reason + "</StatusReason>")
            + "<Changes>"
            + members
            + "</Changes>");
  }

  /** Events newest first, each {@code "HH:mm:ss logicalId type status [reason...]"}. */
  static String events(String... events) {
    StringBuilder members = new StringBuilder();
    int n = 0;
    for (String event : events) {
      String[] parts = event.split(" ", 5);
      boolean stack = parts[2].equals("AWS::CloudFormation::Stack");
      members
          .append("<member>")
          .append(element("StackId", STACK_ID))
          .append(element("EventId", "e" + event.hashCode() + "-" + n++))
          .append(element("StackName", "jobs"))
          .append(element("LogicalResourceId", parts[1]))
          .append(element("PhysicalResourceId", stack ? STACK_ID : parts[1] + "-physical"))
          .append(element("ResourceType", parts[2]))
          .append(element("Timestamp", "2026-11-26T" + parts[0] + "Z"))
          .append(element("ResourceStatus", parts[3]))
          .append(parts.length > 4 ? element("ResourceStatusReason", parts[4]) : "")
          .append("</member>");
    }
    return response("DescribeStackEvents", "<StackEvents>" + members + "</StackEvents>");
  }

  static String empty(String action) {
    return response(action, "");
  }

  /** {@code <name>value</name>}. */
  private static String element(String name, String value) {
    return "<" + name + ">" + value + "</" + name + ">";
  }
}
