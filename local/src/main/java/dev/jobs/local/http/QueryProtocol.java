package dev.jobs.local.http;

import dev.jobs.local.auth.AuthFailure;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** AWS's query protocol (STS, CloudFormation): form parameters in, XML out. */
final class QueryProtocol {
  private QueryProtocol() {}

  /** Form parameters that are not valid percent-encoding. */
  static final class MalformedQuery extends Exception {
    MalformedQuery(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The query's and the form body's parameters, decoded.
   *
   * @throws MalformedQuery when an escape is broken, such as {@code %zz}
   */
  static Map<String, String> parameters(HttpCall call) throws MalformedQuery {
    Map<String, String> parameters = new LinkedHashMap<>();
    String form = new String(call.body(), StandardCharsets.UTF_8);
    if (call.request().rawQuery() != null) {
      form = call.request().rawQuery() + "&" + form;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.put(decode(name), decode(value));
    }
    return parameters;
  }

  private static String decode(String text) throws MalformedQuery {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedQuery("The AWS query string is malformed: " + e.getMessage());
    }
  }

  /** AWS's answer to a form it cannot decode (its common error InvalidQueryParameter, 400). */
  static void malformed(HttpCall call, String namespace, MalformedQuery malformed)
      throws IOException {
    error(call, 400, namespace, "Sender", "InvalidQueryParameter", malformed.getMessage());
  }

  static void respond(HttpCall call, String action, String namespace, String result)
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

  static void error(
      HttpCall call, int status, String namespace, String type, String code, String message)
      throws IOException {
    String body =
        "<ErrorResponse xmlns=\""
            + namespace
            + "\">\n  <Error>"
            + Xml.element("Type", type)
            + Xml.element("Code", code)
            + Xml.element("Message", message)
            + "</Error>\n  "
            + Xml.element("RequestId", call.requestId())
            + "\n</ErrorResponse>\n";
    call.respond(status, "text/xml", body);
  }

  /** AWS's answer to an action the service does not have. */
  static void unknownAction(HttpCall call, String namespace, String action, String version)
      throws IOException {
    error(
        call,
        400,
        namespace,
        "Sender",
        "InvalidAction",
        "Could not find operation " + action + " for version " + version);
  }

  /** A signature failure in the query protocol's codes. */
  static void authError(HttpCall call, String namespace, AuthFailure failure) throws IOException {
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
    error(call, 403, namespace, "Sender", code, message);
  }
}
