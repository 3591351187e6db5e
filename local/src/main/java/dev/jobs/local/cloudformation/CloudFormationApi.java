package dev.jobs.local.cloudformation;

import dev.jobs.local.auth.Caller;
import dev.jobs.local.protocol.AwsError;
import dev.jobs.local.protocol.QueryProtocol;
import dev.jobs.local.protocol.Xml;
import dev.jobs.local.stack.LocalStack;
import java.time.Instant;
import java.util.Map;

/** CloudFormation: DescribeStacks for the one local stack. */
public final class CloudFormationApi {
  static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  private final LocalStack stack;
  private final Map<String, String> outputs;
  private final Instant created;

  public CloudFormationApi(LocalStack stack, Map<String, String> outputs, Instant created) {
    this.stack = stack;
    this.outputs = outputs;
    this.created = created;
  }

  /** The service, as the query protocol serves it. */
  public QueryProtocol.Service service() {
    return new QueryProtocol.Service(
        "cloudformation", NAMESPACE, "2010-05-15", Map.of("DescribeStacks", this::describeStacks));
  }

  private String describeStacks(Caller caller, Map<String, String> parameters) {
    if (!caller.isOperator()) {
      throw new AwsError(
          403,
          "AccessDenied",
          AwsError.notAuthorized(
              caller.arn(), "cloudformation:DescribeStacks", "on resource: " + stack.stackId()));
    }
    String name = parameters.get("StackName");
    if (name != null && !name.equals(stack.stackName()) && !name.equals(stack.stackId())) {
      throw new AwsError("ValidationError", "Stack with id " + name + " does not exist");
    }
    StringBuilder outputXml = new StringBuilder();
    outputs.forEach(
        (key, value) ->
            outputXml
                .append("<member>")
                .append(Xml.element("OutputKey", key))
                .append(Xml.element("OutputValue", value))
                .append("</member>"));
    return "<Stacks><member>"
        + Xml.element("StackId", stack.stackId())
        + Xml.element("StackName", stack.stackName())
        + Xml.element("Description", "jobs, on this machine (jobs local)")
        + Xml.element("CreationTime", created.toString())
        + Xml.element("StackStatus", "CREATE_COMPLETE")
        + "<Outputs>"
        + outputXml
        + "</Outputs>"
        + "</member></Stacks>";
  }
}
