package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.aliasOf;
import static dev.jobs.infra.TemplateFacts.allow;
import static dev.jobs.infra.TemplateFacts.arnOf;
import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.jobTable;
import static dev.jobs.infra.TemplateFacts.joined;
import static dev.jobs.infra.TemplateFacts.keyOf;
import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.policyOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.stageArnParts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

class JobsApiTest extends DefaultStackFacts {
  private static String jobsResource;
  private static String jobResource;
  private static String cancelResource;

  @BeforeAll
  static void findTheResources() {
    jobsResource = logicalId(template, "AWS::ApiGateway::Resource", Map.of("PathPart", "jobs"));
    jobResource = logicalId(template, "AWS::ApiGateway::Resource", Map.of("PathPart", "{jobId}"));
    cancelResource =
        logicalId(
            template,
            "AWS::ApiGateway::Resource",
            Map.of("PathPart", "cancel", "ParentId", ref(jobResource)));
  }

  private static Map<String, Object> postJob() {
    return method("POST", jobsResource);
  }

  private static Map<String, Object> listJobs() {
    return method("GET", jobsResource);
  }

  /** The properties of the method of this HTTP verb on this resource. */
  private static Map<String, Object> method(String httpMethod, String resource) {
    return properties(
        template,
        logicalId(
            template,
            "AWS::ApiGateway::Method",
            Map.of("HttpMethod", httpMethod, "ResourceId", ref(resource))));
  }

  private static String aliasOfHandler(String handler) {
    return aliasOf(template, functionOf(template, handler));
  }

  private static Map<String, Object> getJob() {
    return method("GET", jobResource);
  }

  private static Map<String, Object> cancelJob() {
    return method("POST", cancelResource);
  }

  private static Map<String, Object> putJob() {
    return method("PUT", jobResource);
  }

  private static Map<String, Object> retryJob() {
    return method(
        "POST",
        logicalId(
            template,
            "AWS::ApiGateway::Resource",
            Map.of("PathPart", "retry", "ParentId", ref(jobResource))));
  }

  static Stream<Arguments> everyMethod() {
    return Stream.of(
        named("POST /jobs", JobsApiTest::postJob),
        named("GET /jobs/{jobId}", JobsApiTest::getJob),
        named("GET /jobs", JobsApiTest::listJobs),
        named("POST /jobs/{jobId}/cancel", JobsApiTest::cancelJob),
        named("PUT /jobs/{jobId}", JobsApiTest::putJob),
        named("POST /jobs/{jobId}/retry", JobsApiTest::retryJob));
  }

  /** A method's name, and its properties, read once the template is synthesized. */
  private static Arguments named(String name, Supplier<Map<String, Object>> properties) {
    return Arguments.of(name, properties);
  }

  @ParameterizedTest(name = "{0} needs AWS_IAM authorization")
  @MethodSource("everyMethod")
  void needsIam(String name, Supplier<Map<String, Object>> properties) {
    assertThat(properties.get()).containsEntry("AuthorizationType", "AWS_IAM");
  }

  @Test
  @DisplayName(
      "PUT /jobs/{jobId} and POST /jobs/{jobId}/retry are Lambda proxy integrations of the queue"
          + " function's alias")
  void putAndRetryProxyToTheQueueFunction() {
    for (Map<String, Object> method : List.of(putJob(), retryJob())) {
      Map<String, Object> integration = integration(method);
      assertThat(integration).containsEntry("Type", "AWS_PROXY");
      assertThat(integration.get("Uri").toString())
          .contains("Ref=" + aliasOfHandler(JobQueueing.HANDLER));
    }
  }

  @Test
  @DisplayName("PUT /jobs/{jobId} validates its body against POST's request model")
  void putValidatesTheBodyAsPostDoes() {
    assertThat(putJob().get("RequestModels")).isEqualTo(postJob().get("RequestModels"));
    assertThat(putJob().get("RequestValidatorId")).isEqualTo(postJob().get("RequestValidatorId"));
    assertThat(putJob())
        .containsEntry("RequestParameters", Map.of("method.request.path.jobId", true));
  }

  @Test
  @DisplayName("POST /jobs/{jobId}/retry declares the job id, and cancelled as optional")
  void retryDeclaresItsParameters() {
    assertThat(retryJob())
        .containsEntry(
            "RequestParameters",
            Map.of(
                "method.request.path.jobId", true, "method.request.querystring.cancelled", false));
  }

  @Test
  @DisplayName(
      "the API may invoke the queue function's alias, from PUT /jobs/* and POST /jobs/*/retry"
          + " only")
  void apiMayInvokeTheQueueFunction() {
    assertThat(sourceArnsOfPermissions(JobQueueing.HANDLER))
        .contains(stageArn("/PUT/jobs/*"), stageArn("/POST/jobs/*/retry"))
        .allSatisfy(
            source -> assertThat(source).matches(".*(/PUT/jobs/\\*|/POST/jobs/\\*/retry)]]}$"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> integration(Map<String, Object> method) {
    return (Map<String, Object>) method.get("Integration");
  }

  @SuppressWarnings("unchecked")
  private static String responseTemplate(Map<String, Object> method, String status) {
    List<Map<String, Object>> responses =
        (List<Map<String, Object>>) integration(method).get("IntegrationResponses");
    return responses.stream()
        .filter(response -> status.equals(response.get("StatusCode")))
        .map(
            response -> ((Map<String, String>) response.get("ResponseTemplates")).get(JobsApi.JSON))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("the API is regional and has exactly the seven job methods")
  void regionalApiWithSixMethods() {
    template.hasResourceProperties(
        "AWS::ApiGateway::RestApi",
        Map.of("EndpointConfiguration", Map.of("Types", List.of("REGIONAL"))));
    template.resourceCountIs("AWS::ApiGateway::Method", 7);
  }

  @Test
  @DisplayName(
      "POST /jobs/{jobId}/cancel is a Lambda proxy integration of the cancel function's alias")
  void cancelProxiesToTheCancelFunction() {
    Map<String, Object> integration = integration(cancelJob());
    assertThat(integration)
        .containsEntry("Type", "AWS_PROXY")
        .containsEntry("IntegrationHttpMethod", "POST");
    assertThat(integration.get("Uri").toString())
        .contains(":lambda:path/2015-03-31/functions/")
        .contains("Ref=" + aliasOfHandler(JobCancelling.HANDLER));
  }

  @Test
  @DisplayName("POST /jobs/{jobId}/cancel declares the job id as a required path parameter")
  void cancelDeclaresTheJobId() {
    assertThat(cancelJob())
        .containsEntry("RequestParameters", Map.of("method.request.path.jobId", true));
  }

  @Test
  @DisplayName("the API may invoke the cancel function's alias, from POST /jobs/*/cancel only")
  void apiMayInvokeTheCancelFunction() {
    assertThat(sourceArnsOfPermissions(JobCancelling.HANDLER))
        .contains(stageArn("/POST/jobs/*/cancel"))
        .allSatisfy(source -> assertThat(source).endsWith("/POST/jobs/*/cancel]]}"));
  }

  @Test
  @DisplayName("GET /jobs is a Lambda proxy integration of the list function's live alias")
  void listProxiesToTheListFunction() {
    Map<String, Object> integration = integration(listJobs());
    assertThat(integration)
        .containsEntry("Type", "AWS_PROXY")
        .containsEntry("IntegrationHttpMethod", "POST");
    assertThat(integration.get("Uri").toString())
        .contains(":lambda:path/2015-03-31/functions/")
        .contains("Ref=" + aliasOfHandler(JobListing.HANDLER));
  }

  @Test
  @DisplayName(
      "GET /jobs declares status, since, until, limit, next and the filters type, errorType and"
          + " condition as optional parameters")
  void listDeclaresOptionalQueryParameters() {
    assertThat(listJobs())
        .containsEntry(
            "RequestParameters",
            Map.of(
                "method.request.querystring.status", false,
                "method.request.querystring.since", false,
                "method.request.querystring.until", false,
                "method.request.querystring.limit", false,
                "method.request.querystring.next", false,
                "method.request.querystring.type", false,
                "method.request.querystring.errorType", false,
                "method.request.querystring.condition", false));
  }

  @Test
  @DisplayName("the API may invoke the list function's alias, from its GET /jobs only")
  void apiMayInvokeTheListFunction() {
    assertThat(sourceArnsOfPermissions(JobListing.HANDLER))
        .contains(stageArn("/GET/jobs"))
        .allSatisfy(source -> assertThat(source).endsWith("/GET/jobs]]}"));
  }

  /** The source ARNs of API Gateway's permissions to invoke the alias of a handler's function. */
  private static List<String> sourceArnsOfPermissions(String handler) {
    return template
        .findResources(
            "AWS::Lambda::Permission",
            Map.of(
                "Properties",
                Match.objectLike(
                    Map.of(
                        "FunctionName",
                        ref(aliasOfHandler(handler)),
                        "Principal",
                        "apigateway.amazonaws.com"))))
        .values()
        .stream()
        .map(permission -> ((Map<?, ?>) permission.get("Properties")).get("SourceArn"))
        .map(Object::toString)
        .toList();
  }

  /** The ARN of a method of the deployed stage, as the template joins it. */
  private static String stageArn(String methodAndPath) {
    return "{Fn::Join=[, [" + stageArnParts(template) + methodAndPath + "]]}";
  }

  @Test
  @DisplayName("POST /jobs validates the body against the JobRequest model")
  void postValidatesBodyWithModel() {
    String validator =
        logicalId(
            template,
            "AWS::ApiGateway::RequestValidator",
            Map.of("ValidateRequestBody", true, "ValidateRequestParameters", true));
    String model = onlyLogicalId(template, "AWS::ApiGateway::Model");
    assertThat(postJob())
        .containsEntry("RequestValidatorId", ref(validator))
        .containsEntry("RequestModels", Map.of(JobsApi.JSON, ref(model)));
  }

  @Test
  @DisplayName(
      "the JobRequest model is the backend's JSON Schema, keyword for keyword, with the deployed"
          + " job types as the enum of type")
  void modelIsTheBackendSchema() {
    ObjectMapper mapper = new ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode document = RequestSchema.document();
    ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("properties").path("type"))
        .set("enum", mapper.valueToTree(Map.of("Ref", StackParameters.JOB_TYPES)));
    Object schema = mapper.convertValue(document, Map.class);
    template.hasResourceProperties(
        "AWS::ApiGateway::Model",
        Map.of("Name", "JobRequest", "ContentType", JobsApi.JSON, "Schema", Match.exact(schema)));
  }

  @Test
  @DisplayName("POST /jobs invokes the processing function asynchronously (X-Amz-Invocation-Type)")
  void postInvokesAsynchronously() {
    assertThat(integration(postJob()))
        .containsEntry("Type", "AWS")
        .containsEntry(
            "RequestParameters",
            Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'"));
  }

  @Test
  @DisplayName("POST /jobs sends the request id and the body as the job")
  void postSendsIdAndParameters() {
    assertThat(integration(postJob()))
        .containsEntry(
            "RequestTemplates",
            Map.of(JobsApi.JSON, "{\"id\": \"$context.requestId\", \"parameters\": $input.body}"))
        .containsEntry("PassthroughBehavior", "NEVER");
  }

  @Test
  @DisplayName("POST /jobs answers 202 with the request id as the job id")
  void postAnswers202WithId() {
    assertThat(responseTemplate(postJob(), "202")).isEqualTo("{\"id\": \"$context.requestId\"}");
    assertThat(postJob().get("MethodResponses").toString()).contains("StatusCode=202");
  }

  @Test
  @DisplayName("POST /jobs invokes the processing function's live alias")
  void postTargetsTheAlias() {
    assertThat(integration(postJob()).get("Uri").toString())
        .contains("Ref=" + aliasOfHandler(JobProcessing.HANDLER));
  }

  @Test
  @DisplayName("GET /jobs/{jobId} is a consistent DynamoDB GetItem through the read role")
  void getReadsTheTable() {
    String table = jobTable(template);
    String reader =
        logicalId(
            template,
            "AWS::IAM::Role",
            Map.of("Description", "Lets the API read one job from the jobs table"));
    Map<String, Object> integration = integration(getJob());
    assertThat(integration.get("Uri").toString()).contains(":dynamodb:action/GetItem");
    assertThat(integration).containsEntry("Credentials", arnOf(reader));
    String request = integration.get("RequestTemplates").toString();
    assertThat(request)
        .contains("\"ConsistentRead\": true")
        .contains("$input.params('jobId')")
        .contains("Ref=" + table);
  }

  @Test
  @DisplayName("GET /jobs/{jobId} answers 404 with a message when the item is missing")
  void getAnswers404ForMissingItem() {
    String ok = responseTemplate(getJob(), "200");
    assertThat(ok)
        .contains("#if(\"$!item\" == \"\")")
        .contains("#set($context.responseOverride.status = 404)")
        .contains("{\"message\": \"Job not found\"}");
    assertThat(getJob().get("MethodResponses").toString()).contains("StatusCode=404");
  }

  @Test
  @DisplayName(
      "GET /jobs/{jobId} emits parameters, result, error and progress as the JSON they hold")
  void getEmitsJsonAttributesRaw() {
    assertThat(responseTemplate(getJob(), "200"))
        .contains("\"parameters\": $item.parameters.S")
        .contains("\"result\": $item.result.S")
        .contains("\"error\": $item.error.S")
        .contains("\"progress\": $item.progress.S");
  }

  @Test
  @DisplayName("the read role may only GetItem on the table and decrypt with its key")
  void readRoleOnlyReads() {
    String reader =
        logicalId(
            template,
            "AWS::IAM::Role",
            Map.of("Description", "Lets the API read one job from the jobs table"));
    String table = jobTable(template);
    String key = keyOf(template, "Encrypts the jobs table");
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        policyOf(
            reader,
            List.of(
                allow("dynamodb:GetItem", arnOf(table)),
                allow(List.of("kms:Decrypt", "kms:DescribeKey"), arnOf(key)))));
  }

  @Test
  @DisplayName("the stage traces with X-Ray and writes access logs")
  void stageTracesAndLogs() {
    template.hasResourceProperties(
        "AWS::ApiGateway::Stage",
        Map.of(
            "StageName",
            "prod",
            "TracingEnabled",
            true,
            "AccessLogSetting",
            Map.of("DestinationArn", Match.anyValue(), "Format", Match.anyValue())));
  }

  @Test
  @DisplayName("the stage throttles every method at the ApiThrottling parameters")
  void stageThrottlesAtTheParameters() {
    template.hasResourceProperties(
        "AWS::ApiGateway::Stage",
        Map.of(
            "MethodSettings",
            List.of(
                Match.objectLike(
                    Map.of(
                        "HttpMethod",
                        "*",
                        "ResourcePath",
                        "/*",
                        "ThrottlingRateLimit",
                        ref("ApiThrottlingRateLimit"),
                        "ThrottlingBurstLimit",
                        ref("ApiThrottlingBurstLimit"))))));
  }

  @Test
  @DisplayName("access logs are encrypted with the logs key and kept for LogRetentionDays")
  void accessLogsEncryptedWithRetention() {
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    Map<?, ?> destination =
        (Map<?, ?>)
            ((Map<?, ?>) properties(template, stage).get("AccessLogSetting")).get("DestinationArn");
    String logs = (String) ((List<?>) destination.get("Fn::GetAtt")).get(0);
    String key = keyOf(template, "Encrypts the jobs stack's log groups");
    assertThat(properties(template, logs))
        .containsEntry("KmsKeyId", arnOf(key))
        .containsEntry("RetentionInDays", ref("LogRetentionDays"));
  }

  @Test
  @DisplayName("the stack sets the account's API Gateway CloudWatch role, which access logs need")
  void setsTheAccountsCloudWatchRole() {
    String account = onlyLogicalId(template, "AWS::ApiGateway::Account");
    Map<?, ?> arn = (Map<?, ?>) properties(template, account).get("CloudWatchRoleArn");
    String role = (String) ((List<?>) arn.get("Fn::GetAtt")).get(0);
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "AssumeRolePolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    List.of(
                        Match.objectLike(
                            Map.of("Principal", Map.of("Service", "apigateway.amazonaws.com")))))),
            "ManagedPolicyArns",
            List.of(
                joined(
                    "arn:",
                    ref("AWS::Partition"),
                    ":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"))));
    assertThat(template.findResources("AWS::IAM::Role")).containsKey(role);
  }

  @Test
  @DisplayName("the account setting and its role outlive the stack: other APIs may rely on them")
  void accountSettingIsRetained() {
    String account = onlyLogicalId(template, "AWS::ApiGateway::Account");
    Map<?, ?> arn = (Map<?, ?>) properties(template, account).get("CloudWatchRoleArn");
    String role = (String) ((List<?>) arn.get("Fn::GetAtt")).get(0);
    for (String retained : List.of(account, role)) {
      Map<String, Object> resource = resource(retained);
      assertThat(resource)
          .as(retained)
          .containsEntry("DeletionPolicy", "Retain")
          .containsEntry("UpdateReplacePolicy", "Retain");
    }
  }

  @Test
  @DisplayName("the stage waits for the account setting, so that its access logs are accepted")
  void stageDependsOnTheAccountSetting() {
    String account = onlyLogicalId(template, "AWS::ApiGateway::Account");
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    assertThat(resource(stage).get("DependsOn").toString()).contains(account);
  }

  @Test
  @DisplayName(
      "a body the model rejects answers 400 with a fixed JSON body naming the JobTypes parameter's"
          + " types, not the raw reasons")
  void invalidBodyAnswersFixedJson() {
    template.hasResourceProperties(
        "AWS::ApiGateway::GatewayResponse",
        Map.of(
            "ResponseType",
            "BAD_REQUEST_BODY",
            "StatusCode",
            "400",
            "ResponseTemplates",
            Map.of(
                JobsApi.JSON,
                Map.of(
                    "Fn::Join",
                    List.of(
                        "",
                        List.of(
                            JobsApi.INVALID_BODY_HEAD,
                            Map.of(
                                "Fn::Join",
                                List.of(
                                    JobsApi.INVALID_BODY_SEPARATOR,
                                    Map.of("Ref", StackParameters.JOB_TYPES))),
                            JobsApi.INVALID_BODY_TAIL))))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resource(String logicalId) {
    return (Map<String, Object>)
        ((Map<String, Object>) template.toJSON().get("Resources")).get(logicalId);
  }
}
