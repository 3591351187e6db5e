package dev.jobs.local.protocol;

import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.server.HttpCall;
import dev.jobs.local.server.HttpService;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one endpoint, its requests told apart as AWS's endpoints would tell them: the jobs API's
 * stage by its path, a JSON 1.1 service by its {@code X-Amz-Target}, a query-protocol service by
 * the service its signature is scoped to.
 */
public final class AwsEndpoint implements HttpService {
  /**
   * The most the AWS APIs' calls may send: none of their requests comes near it (a {@code
   * PutEvents} is at most 256 KB), so a bigger body is refused unread instead of being held in
   * memory as the jobs API's 10 MiB may be.
   */
  static final int MAX_AWS_API_BODY = 1024 * 1024;

  /** An API Gateway stage: the paths it serves, with a body limit of its own. */
  public interface Stage {
    boolean serves(String path);

    int maxBody();

    void handle(HttpCall call) throws IOException;
  }

  private final SignatureVerifier verifier;
  private final Stage stage;
  private final List<JsonProtocol.Service> jsonServices;
  private final Map<String, QueryProtocol.Service> queryServices;
  private final QueryProtocol.Service unscopedQuery;

  /**
   * @param queryServices the first answers a query whose signature names no service of theirs, and
   *     refuses it as its own verifier would (STS, as on AWS's global endpoint)
   */
  public AwsEndpoint(
      SignatureVerifier verifier,
      Stage stage,
      List<JsonProtocol.Service> jsonServices,
      List<QueryProtocol.Service> queryServices) {
    this.verifier = verifier;
    this.stage = stage;
    this.jsonServices = List.copyOf(jsonServices);
    this.queryServices =
        queryServices.stream()
            .collect(Collectors.toMap(QueryProtocol.Service::signingName, Function.identity()));
    this.unscopedQuery = queryServices.get(0);
  }

  @Override
  public int maxBody(String path) {
    return stage.serves(path) ? stage.maxBody() : MAX_AWS_API_BODY;
  }

  @Override
  public void handle(HttpCall call) throws IOException {
    String target = call.header("x-amz-target");
    JsonProtocol.Service json = target == null ? null : jsonService(target);
    if (stage.serves(call.path())) {
      stage.handle(call);
    } else if (call.tooLarge()) {
      GatewayAnswer.message(call, 413, "Request Too Long", null);
    } else if (json != null) {
      JsonProtocol.handle(call, verifier, json);
    } else if (call.method().equals("POST") && call.path().equals("/")) {
      QueryProtocol.handle(
          call,
          verifier,
          queryServices.getOrDefault(signedService(call.header("authorization")), unscopedQuery));
    } else if (target != null) {
      JsonProtocol.error(call, 400, JsonProtocol.UNKNOWN_OPERATION, null);
    } else {
      GatewayAnswer.message(call, 403, "Missing Authentication Token", null);
    }
  }

  private JsonProtocol.Service jsonService(String target) {
    for (JsonProtocol.Service service : jsonServices) {
      if (target.startsWith(service.targetPrefix())) {
        return service;
      }
    }
    return null;
  }

  /** The service a SigV4 credential scope names: {@code KEY/DATE/REGION/SERVICE/aws4_request}. */
  private static String signedService(String authorization) {
    if (authorization == null) {
      return null;
    }
    int credential = authorization.indexOf("Credential=");
    if (credential < 0) {
      return null;
    }
    String[] scope = authorization.substring(credential + 11).split("[,\\s]")[0].split("/");
    return scope.length == 5 ? scope[3] : null;
  }
}
