package dev.jobs.local.http;

import dev.jobs.local.LocalStack;
import dev.jobs.local.auth.AuthFailure;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** CloudFormation: DescribeStacks for the one local stack. */
final class CloudFormationApi implements AwsService {
  static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

  private final SignatureVerifier verifier;
  private final LocalStack stack;
  private final Map<String, String> outputs;
  private final Instant created;

  CloudFormationApi(
      SignatureVerifier verifier, LocalStack stack, Map<String, String> outputs, Instant created) {
    this.verifier = verifier;
    this.stack = stack;
    this.outputs = outputs;
    this.created = created;
  }

  @Override
  public void handle(HttpCall call) throws IOException {
    Caller caller;
    try {
      caller = verifier.verify(call.request(), "cloudformation");
    } catch (AuthFailure failure) {
      QueryProtocol.authError(call, NAMESPACE, failure);
      return;
    }
    Map<String, String> parameters;
    try {
      parameters = QueryProtocol.parameters(call);
    } catch (QueryProtocol.MalformedQuery malformed) {
      QueryProtocol.malformed(call, NAMESPACE, malformed);
      return;
    }
    String action = parameters.getOrDefault("Action", "");
    if (!action.equals("DescribeStacks")) {
      QueryProtocol.unknownAction(call, NAMESPACE, action, "2010-05-15");
      return;
    }
    if (!caller.isOperator()) {
      QueryProtocol.error(
          call,
          403,
          NAMESPACE,
          "Sender",
          "AccessDenied",
          "User: "
              + caller.arn()
              + " is not authorized to perform: cloudformation:DescribeStacks on resource: "
              + stack.stackId());
      return;
    }
    String name = parameters.get("StackName");
    if (name != null && !name.equals(stack.stackName()) && !name.equals(stack.stackId())) {
      QueryProtocol.error(
          call,
          400,
          NAMESPACE,
          "Sender",
          "ValidationError",
          "Stack with id " + name + " does not exist");
      return;
    }
    StringBuilder outputXml = new StringBuilder();
    outputs.forEach(
        (key, value) ->
            outputXml
                .append("<member>")
                .append(Xml.element("OutputKey", key))
                .append(Xml.element("OutputValue", value))
                .append("</member>"));
    QueryProtocol.respond(
        call,
        "DescribeStacks",
        NAMESPACE,
        "<Stacks><member>"
            + Xml.element("StackId", stack.stackId())
            + Xml.element("StackName", stack.stackName())
            + Xml.element("Description", "jobs, on this machine (jobs local)")
            + Xml.element("CreationTime", created.toString())
            + Xml.element("StackStatus", "CREATE_COMPLETE")
            + "<Outputs>"
            + outputXml
            + "</Outputs>"
            + "</member></Stacks>");
  }
}
