package dev.jobs.local.protocol;

import dev.jobs.local.auth.AuthFailure;
import dev.jobs.local.auth.Caller;
import dev.jobs.local.auth.SignatureVerifier;
import dev.jobs.local.auth.SignedRequest;
import dev.jobs.local.server.HttpCall;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AWS's query protocol (STS, CloudFormation): form parameters in, XML out. The signature is
 * verified, the form parsed and the action dispatched here, for every service of the protocol;
 * errors are answered in its {@code ErrorResponse}.
 */
public final class QueryProtocol {
  /**
   * A service of the protocol.
   *
   * @param signingName the service its requests are signed for, such as {@code sts}
   * @param namespace the XML namespace of its answers
   * @param version its API version, which an unknown action's answer names
   * @param actions what it does, by action name
   */
  public record Service(
      String signingName, String namespace, String version, Map<String, Action> actions) {}

  /** One action of a service. */
  @FunctionalInterface
  public interface Action {
    /**
     * The content of the action's result element.
     *
     * @throws AwsError when the service refuses the request
     */
    String call(Caller caller, Map<String, String> parameters);
  }

  private QueryProtocol() {}

  /** Verifies, parses and dispatches one call to {@code service}, and answers it. */
  static void handle(HttpCall call, SignatureVerifier verifier, Service service)
      throws IOException {
    Caller caller;
    try {
      caller = verifier.verify(call.request(), service.signingName());
    } catch (AuthFailure failure) {
      authError(call, service.namespace(), failure);
      return;
    }
    try {
      Map<String, String> parameters = parameters(call);
      String name = parameters.getOrDefault("Action", "");
      Action action = service.actions().get(name);
      if (action == null) {
        throw new AwsError(
            "InvalidAction",
            "Could not find operation " + name + " for version " + service.version());
      }
      respond(call, name, service.namespace(), action.call(caller, parameters));
    } catch (AwsError e) {
      error(call, e.status(), service.namespace(), e.code(), e.getMessage());
    }
  }

  /**
   * The query's and the form body's parameters, decoded.
   *
   * @throws AwsError AWS's common error InvalidQueryParameter when an escape is broken, such as
   *     {@code %zz}
   */
  static Map<String, String> parameters(HttpCall call) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String form = new String(call.body(), StandardCharsets.UTF_8);
    if (call.request().rawQuery() != null) {
      form = call.request().rawQuery() + "&" + form;
    }
    SignedRequest.forEachPair(form, (name, value) -> parameters.put(decode(name), decode(value)));
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new AwsError(
          "InvalidQueryParameter", "The AWS query string is malformed: " + e.getMessage());
    }
  }

  private static void respond(HttpCall call, String action, String namespace, String result)
      throws IOException {
    String body =
        "<"
            + action
            + "Response xmlns=\""
            + namespace
            + "\">\n  <"
            + action
            + "Result>"
            + result
            + "</"
            + action
            + "Result>\n  <ResponseMetadata>"
            + Xml.element("RequestId", call.requestId())
            + "</ResponseMetadata>\n</"
            + action
            + "Response>\n";
    call.respond(200, "text/xml", body);
  }

  /** The protocol's error shape; every error here is the sender's. */
  private static void error(
      HttpCall call, int status, String namespace, String code, String message) throws IOException {
    String body =
        "<ErrorResponse xmlns=\""
            + namespace
            + "\">\n  <Error>"
            + Xml.element("Type", "Sender")
            + Xml.element("Code", code)
            + Xml.element("Message", message)
            + "</Error>\n  "
            + Xml.element("RequestId", call.requestId())
            + "\n</ErrorResponse>\n";
    call.respond(status, "text/xml", body);
  }

  /** A signature failure in the query protocol's codes. */
  private static void authError(HttpCall call, String namespace, AuthFailure failure)
      throws IOException {
    String code =
        switch (failure.code()) {
          case "UnrecognizedClientException" -> "InvalidClientTokenId";
          case "ExpiredTokenException" -> "ExpiredToken";
          case "InvalidSignatureException" -> "SignatureDoesNotMatch";
          default -> failure.code();
        };
    String message =
        failure.code().equals("MissingAuthenticationToken")
            ? "Request is missing Authentication Token"
            : failure.getMessage();
    error(call, 403, namespace, code, message);
  }
}
