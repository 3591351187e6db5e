package dev.jobs.infra;

import dev.jobs.backend.job.JobRequestSchema;
import dev.jobs.backend.settings.StackSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.AwsIntegration;
import software.amazon.awscdk.services.apigateway.EndpointConfiguration;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponse;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.JsonWithStandardFieldProps;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.ModelOptions;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.Resource;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The REST API: {@code POST /jobs} starts a job with an asynchronous invocation of the processing
 * function; {@code GET /jobs/{jobId}} reads the job straight from the table; {@code GET /jobs}
 * lists jobs through the list function and {@code POST /jobs/{jobId}/cancel} records a cancel
 * through the cancel function; {@code PUT /jobs/{jobId}} and {@code POST /jobs/{jobId}/retry} queue
 * a job through the queue function (Lambda proxy integrations). All need {@code AWS_IAM} (the
 * invoke role).
 */
final class JobsApi extends Construct {
  static final String JSON = "application/json";

  /** What the processing function receives (the backend's {@code JobInvocation}). */
  static final String INVOCATION_TEMPLATE =
      "{\"id\": \"$context.requestId\", \"parameters\": $input.body}";

  /** The answer to an accepted job: its id is the request id. */
  static final String ACCEPTED_TEMPLATE = "{\"id\": \"$context.requestId\"}";

  /**
   * The query parameters of {@code GET /jobs}, all optional: declared for the API's description;
   * the list function validates them and answers 400 naming the parameter.
   */
  static final List<String> LIST_PARAMETERS =
      List.of("status", "since", "until", "limit", "next", "type", "errorType", "condition");

  static final List<String> STATS_PARAMETERS = List.of("since", "until", "type", "step");

  static final String NOT_FOUND_BODY = "{\"message\": \"Job not found\"}";

  /**
   * The body of the 400 to a body the model rejects. A gateway response is not a Velocity template:
   * API Gateway only substitutes variables, unescaped, and the validator's reasons ({@code
   * $context.error.validationErrorString}) hold quotes, such as {@code (allowed: ["integer"])}. So
   * the body is fixed text, valid JSON whatever the request held, naming the job types served (from
   * the {@code JobTypes} parameter, whose values are {@code [a-z0-9-]} names); the local runtime
   * answers the same.
   */
  static final String INVALID_BODY_HEAD =
      "{\"message\": \"" + JobRequestSchema.INVALID_BODY_MESSAGE + "\", \"jobTypes\": [\"";

  static final String INVALID_BODY_SEPARATOR = "\", \"";
  static final String INVALID_BODY_TAIL = "\"]}";

  /** The 400 body that names these job types, as the stack renders it from its parameter. */
  static String invalidBody(List<String> types) {
    return INVALID_BODY_HEAD + String.join(INVALID_BODY_SEPARATOR, types) + INVALID_BODY_TAIL;
  }

  /**
   * The 403 to a request the web ACL blocks ({@link WebFirewall}): API Gateway's default says only
   * "Forbidden", which a caller would take for a denied signature.
   */
  static final String WAF_FILTERED_BODY =
      "{\"message\": \"Blocked by the web ACL of the API (stack parameter "
          + StackSettings.WAF_ENABLED_PARAMETER
          + ")\"}";

  /**
   * The {@code GetItem} request of {@code GET /jobs/{jobId}}, {@code %s} the table name. The id is
   * escaped as JavaScript, which writes a {@code '} as {@code \'}: valid JavaScript, invalid JSON,
   * and DynamoDB would answer 400 (500 to the client) where an unknown id must answer 404. So each
   * {@code \'} goes back to a plain {@code '}; the backslash before a quote can only be the quote's
   * escape, as an escaped backslash is always followed by the next character's escape.
   */
  static final String GET_ITEM_TEMPLATE =
      "{\"TableName\": \"%s\", \"Key\": {\"id\": {\"S\":"
          + " \"$util.escapeJavaScript($input.params('jobId')).replaceAll(\"\\\\'\",\"'\")\"}},"
          + " \"ConsistentRead\": true}";

  /**
   * Renders the backend's item format as the {@code JobRecord} JSON: {@code parameters}, {@code
   * result}, {@code error} and {@code progress} hold JSON text and are emitted as they are; absent
   * attributes are left out, as the backend's serializer does (a job cancelled while queued has no
   * type, parameters nor start). No item answers 404, so that an unknown id is never mistaken for a
   * running job.
   */
  static final String JOB_RECORD_TEMPLATE =
      String.join(
          "\n",
          "#set($item = $input.path('$').Item)",
          "#if(\"$!item\" == \"\")",
          "#set($context.responseOverride.status = 404)",
          NOT_FOUND_BODY,
          "#else",
          "{\"id\": \"$item.id.S\", \"status\": \"$item.status.S\""
              + "#if(\"$!item.type.S\" != \"\"), \"type\":"
              + " \"$util.escapeJavaScript($item.type.S).replaceAll(\"\\\\'\",\"'\")\"#end"
              + "#if(\"$!item.parameters.S\" != \"\"), \"parameters\": $item.parameters.S#end"
              + "#if(\"$!item.result.S\" != \"\"), \"result\": $item.result.S#end"
              + "#if(\"$!item.error.S\" != \"\"), \"error\": $item.error.S#end"
              + "#if(\"$!item.progress.S\" != \"\"), \"progress\": $item.progress.S#end"
              + ", \"attempts\": #if(\"$!item.attempts.N\" != \"\")$item.attempts.N#{else}0#end"
              + "#if(\"$!item.startedAt.S\" != \"\"), \"startedAt\": \"$item.startedAt.S\"#end"
              + "#if(\"$!item.heartbeatAt.S\" != \"\"), \"heartbeatAt\": \"$item.heartbeatAt.S\"#end"
              + "#if(\"$!item.cancelRequestedAt.S\" != \"\"), \"cancelRequestedAt\":"
              + " \"$item.cancelRequestedAt.S\"#end"
              + "#if(\"$!item.timeoutSeconds.N\" != \"\"), \"timeoutSeconds\":"
              + " $item.timeoutSeconds.N#end"
              + "#if(\"$!item.finishedAt.S\" != \"\"), \"finishedAt\": \"$item.finishedAt.S\"#end"
              + "#if(\"$!item.queuedAt.S\" != \"\"), \"queuedAt\": \"$item.queuedAt.S\"#end"
              + ", \"expiresAt\": #if(\"$!item.expiresAt.N\" != \"\")$item.expiresAt.N#{else}0#end}",
          "#end");

  final RestApi api;
  final Method postJob;
  final Method getJob;
  final Method listJobs;
  final Method cancelJob;
  final Method putJob;
  final Method retryJob;

  /** The request model of {@code POST /jobs}. */
  final Model jobRequest;

  /** The 400 answered to a body the model rejects. */
  final GatewayResponse invalidBody;

  private final String stageName;

  JobsApi(
      Construct scope,
      String id,
      String stageName,
      IFunction processing,
      IFunction listing,
      IFunction cancelling,
      IFunction queueing,
      JobTable table,
      EncryptedLogs logs,
      StackParameters parameters) {
    super(scope, id);
    this.stageName = stageName;
    api =
        RestApi.Builder.create(this, "Api")
            .description(
                "Jobs: start a long job, read its state, list jobs, cancel one, name one, retry one")
            .endpointConfiguration(
                EndpointConfiguration.builder().types(List.of(EndpointType.REGIONAL)).build())
            // Access logs need the account's API Gateway CloudWatch role, which a fresh account
            // lacks: the stack sets it (one per region, shared by every API there). RETAIN keeps
            // the role and the setting after `jobs destroy`, as other APIs may rely on them.
            .cloudWatchRole(true)
            .cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN)
            .deployOptions(
                StageOptions.builder()
                    .stageName(stageName)
                    .tracingEnabled(true)
                    // One method setting for */*: every method shares the stage's bucket.
                    .throttlingRateLimit(parameters.throttlingRate.getValueAsNumber())
                    .throttlingBurstLimit(parameters.throttlingBurst.getValueAsNumber())
                    .loggingLevel(MethodLoggingLevel.OFF)
                    .accessLogDestination(new LogGroupLogDestination(logs.logGroup(this, "Access")))
                    .accessLogFormat(
                        AccessLogFormat.jsonWithStandardFields(
                            JsonWithStandardFieldProps.builder()
                                .caller(true)
                                .httpMethod(true)
                                .ip(true)
                                .protocol(true)
                                .requestTime(true)
                                .resourcePath(true)
                                .responseLength(true)
                                .status(true)
                                .user(true)
                                .build()))
                    .build())
            .defaultMethodOptions(
                MethodOptions.builder().authorizationType(AuthorizationType.IAM).build())
            .build();
    // The stack's own ApiUrl output replaces the CDK's default one.
    api.getNode().tryRemoveChild("Endpoint");
    // A body the model rejects answers 400 with a JSON message (its types: KindsLayer).
    this.invalidBody =
        api.addGatewayResponse(
            "InvalidBody",
            GatewayResponseOptions.builder()
                .type(ResponseType.BAD_REQUEST_BODY)
                .statusCode("400")
                .templates(
                    Map.of(
                        JSON, invalidBody(List.of(StackParameters.BUILT_IN_JOB_TYPES.split(",")))))
                .build());
    api.addGatewayResponse(
        "WafFiltered",
        GatewayResponseOptions.builder()
            .type(ResponseType.WAF_FILTERED)
            .statusCode("403")
            .templates(Map.of(JSON, WAF_FILTERED_BODY))
            .build());
    RequestValidator validator =
        api.addRequestValidator(
            "Validator",
            RequestValidatorOptions.builder()
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build());
    jobRequest =
        api.addModel(
            "JobRequest",
            ModelOptions.builder()
                .contentType(JSON)
                .modelName("JobRequest")
                .description("The job request (the backend's JSON Schema)")
                .schema(RequestSchema.load())
                .build());

    Resource jobs = api.getRoot().addResource("jobs");
    postJob =
        jobs.addMethod(
            "POST",
            LambdaIntegration.Builder.create(processing)
                .proxy(false)
                .passthroughBehavior(PassthroughBehavior.NEVER)
                .requestParameters(
                    Map.of("integration.request.header.X-Amz-Invocation-Type", "'Event'"))
                .requestTemplates(Map.of(JSON, INVOCATION_TEMPLATE))
                .integrationResponses(
                    List.of(
                        IntegrationResponse.builder()
                            .statusCode("202")
                            .responseTemplates(Map.of(JSON, ACCEPTED_TEMPLATE))
                            .build()))
                .build(),
            MethodOptions.builder()
                .requestValidator(validator)
                .requestModels(Map.of(JSON, jobRequest))
                .methodResponses(
                    List.of(
                        MethodResponse.builder()
                            .statusCode("202")
                            .responseModels(Map.of(JSON, Model.EMPTY_MODEL))
                            .build()))
                .build());

    Role reader =
        Role.Builder.create(this, "ReadJobRole")
            .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
            .description("Lets the API read one job from the jobs table")
            .build();
    table.grantGetItem(reader);
    getJob =
        jobs.addResource("{jobId}")
            .addMethod(
                "GET",
                AwsIntegration.Builder.create()
                    .service("dynamodb")
                    .action("GetItem")
                    .options(
                        IntegrationOptions.builder()
                            .credentialsRole(reader)
                            .passthroughBehavior(PassthroughBehavior.NEVER)
                            .requestTemplates(Map.of(JSON, getItemTemplate(table)))
                            .integrationResponses(
                                List.of(
                                    IntegrationResponse.builder()
                                        .statusCode("200")
                                        .responseTemplates(Map.of(JSON, JOB_RECORD_TEMPLATE))
                                        .build(),
                                    IntegrationResponse.builder()
                                        .statusCode("500")
                                        .selectionPattern("[45]\\d{2}")
                                        .responseTemplates(
                                            Map.of(
                                                JSON, "{\"message\": \"Could not read the job\"}"))
                                        .build()))
                            .build())
                    .build(),
                MethodOptions.builder()
                    .requestValidator(validator)
                    .requestParameters(Map.of("method.request.path.jobId", true))
                    .methodResponses(
                        List.of(jsonResponse("200"), jsonResponse("404"), jsonResponse("500")))
                    .build());

    Map<String, Boolean> optional = new LinkedHashMap<>();
    LIST_PARAMETERS.forEach(name -> optional.put("method.request.querystring." + name, false));
    listJobs =
        jobs.addMethod(
            "GET",
            LambdaIntegration.Builder.create(listing).proxy(true).build(),
            MethodOptions.builder().requestParameters(optional).build());

    // The body is ignored; the function checks the id against the job-id pattern (400).
    cancelJob =
        getJob
            .getResource()
            .addResource("cancel")
            .addMethod(
                "POST",
                LambdaIntegration.Builder.create(cancelling).proxy(true).build(),
                MethodOptions.builder()
                    .requestParameters(Map.of("method.request.path.jobId", true))
                    .build());
    // A client-named job: the body is checked against the same model as POST's (the same 400),
    // then the queue function records it QUEUED; the table's stream starts it.
    putJob =
        getJob
            .getResource()
            .addMethod(
                "PUT",
                LambdaIntegration.Builder.create(queueing).proxy(true).build(),
                MethodOptions.builder()
                    .requestValidator(validator)
                    .requestModels(Map.of(JSON, jobRequest))
                    .requestParameters(Map.of("method.request.path.jobId", true))
                    .build());
    // The body is ignored; ?cancelled=true lets a CANCELLED job be retried too.
    retryJob =
        getJob
            .getResource()
            .addResource("retry")
            .addMethod(
                "POST",
                LambdaIntegration.Builder.create(queueing).proxy(true).build(),
                MethodOptions.builder()
                    .requestParameters(
                        Map.of(
                            "method.request.path.jobId",
                            true,
                            "method.request.querystring.cancelled",
                            false))
                    .build());
    acceptFindings();
  }

  /** AwsSolutions-APIG3 (no web ACL) is answered by {@link WebFirewall}, not here. */
  private void acceptFindings() {
    NagSuppression.apply(
        api.getDeploymentStage(),
        new NagSuppression(
            "AwsSolutions-APIG6",
            "Execution logging would write request and response bodies (job parameters and"
                + " results) to CloudWatch Logs; the stage writes access logs and X-Ray traces"));
    NagSuppression.apply(
        api.getNode().findChild("CloudWatchRole"),
        new NagSuppression(
            "AwsSolutions-IAM4",
            "API Gateway's account-wide CloudWatch role takes AWS's policy for it"
                + " (AmazonAPIGatewayPushToCloudWatchLogs), which follows what API Gateway needs",
            List.of(NagSuppression.matching("^Policy::.*AmazonAPIGatewayPushToCloudWatchLogs$"))));
    for (Method method : List.of(postJob, getJob, listJobs, cancelJob, putJob, retryJob)) {
      NagSuppression.apply(
          method,
          new NagSuppression(
              "AwsSolutions-COG4",
              "Callers are AWS principals that sign with SigV4 (AWS_IAM authorization), not"
                  + " users of a Cognito user pool"));
    }
  }

  private static MethodResponse jsonResponse(String status) {
    return MethodResponse.builder()
        .statusCode(status)
        .responseModels(Map.of(JSON, Model.EMPTY_MODEL))
        .build();
  }

  /** One strongly consistent read: a job just accepted or just ended reads as it is. */
  private static String getItemTemplate(JobTable table) {
    return GET_ITEM_TEMPLATE.formatted(table.table.getTableName());
  }

  /**
   * {@code GET /jobs/stats} (query parameters {@code since}, {@code until}, {@code type}, declared
   * optional), a Lambda proxy integration of the stats function. The literal resource wins over
   * {@code /jobs/{jobId}} for its path, so no job can be named {@code stats} any more.
   */
  Method addStats(IFunction statistics) {
    Map<String, Boolean> optional = new LinkedHashMap<>();
    STATS_PARAMETERS.forEach(name -> optional.put("method.request.querystring." + name, false));
    Method stats =
        listJobs
            .getResource()
            .addResource("stats")
            .addMethod(
                "GET",
                LambdaIntegration.Builder.create(statistics).proxy(true).build(),
                MethodOptions.builder().requestParameters(optional).build());
    NagSuppression.apply(
        stats,
        new NagSuppression(
            "AwsSolutions-COG4",
            "Callers are AWS principals that sign with SigV4 (AWS_IAM authorization), not"
                + " users of a Cognito user pool"));
    return stats;
  }

  /** The stage URL without a trailing slash: clients append {@code /jobs}. */
  String url() {
    Stack stack = Stack.of(this);
    return "https://"
        + api.getRestApiId()
        + ".execute-api."
        + stack.getRegion()
        + "."
        + stack.getUrlSuffix()
        + "/"
        + stageName;
  }
}
