package dev.jobs.cli.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The {@code --debug} wire log on stderr: each AWS action by its IAM name, its request and its
 * response with the body, with {@code Authorization}, security tokens and secret keys redacted so a
 * log can be pasted into an issue.
 */
public final class WireLog implements ExecutionInterceptor {
  static final String REDACTED = "<redacted>";
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "x-amz-security-token", "x-amz-session-token");
  private static final Pattern SECRET_JSON =
      Pattern.compile(
          "(\"(?:secretAccessKey|sessionToken|SecretAccessKey|SessionToken|accessKeyId|AccessKeyId)\"\\s*:\\s*\")[^\"]*(\")");
  private static final Pattern SECRET_XML =
      Pattern.compile("(<(SecretAccessKey|SessionToken)>)[^<]*(</\\2>)");
  private static final Pattern SECRET_QUERY =
      Pattern.compile("((?:X-Amz-Security-Token|X-Amz-Signature|X-Amz-Credential)=)[^&\\s]*");

  private final PrintWriter err;

  public WireLog(PrintWriter err) {
    this.err = err;
  }

  public static String redactHeader(String name, String value) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value;
  }

  public static String redactBody(String body) {
    String json = SECRET_JSON.matcher(body).replaceAll("$1" + REDACTED + "$2");
    String xml = SECRET_XML.matcher(json).replaceAll("$1" + REDACTED + "$3");
    return SECRET_QUERY.matcher(xml).replaceAll("$1" + REDACTED);
  }

  public void request(SdkHttpRequest request, String body) {
    StringBuilder line = new StringBuilder("> ").append(request.method()).append(' ');
    line.append(redactBody(request.getUri().toString())).append('\n');
    headers(line, "> ", request.headers());
    if (body != null && !body.isEmpty()) {
      line.append("> ").append(redactBody(body)).append('\n');
    }
    print(line);
  }

  public void response(SdkHttpResponse response, String body) {
    StringBuilder line = new StringBuilder("< ").append(response.statusCode()).append('\n');
    headers(line, "< ", response.headers());
    if (body != null && !body.isEmpty()) {
      line.append("< ").append(redactBody(body)).append('\n');
    }
    print(line);
  }

  public void note(String message) {
    print(new StringBuilder("* ").append(message).append('\n'));
  }

  private static void headers(StringBuilder line, String prefix, Map<String, List<String>> all) {
    all.forEach(
        (name, values) -> {
          for (String value : values) {
            line.append(prefix)
                .append(name)
                .append(": ")
                .append(redactHeader(name, value))
                .append('\n');
          }
        });
  }

  private void print(StringBuilder text) {
    synchronized (err) {
      err.print(text);
      err.flush();
    }
  }

  /**
   * The action as IAM names it ({@code sts:AssumeRole}), so that a log says which permission a call
   * needs: the SDK's service name, lower-cased, is the IAM prefix except for EventBridge.
   */
  static String action(ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String prefix =
        service == null
            ? "?"
            : service.equals("EventBridge") ? "events" : service.toLowerCase(Locale.ROOT);
    return prefix + ":" + operation;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
    note(action(a));
    request(context.httpRequest(), null);
  }

  /** The response with its body, read here and handed on unchanged to the SDK's unmarshaller. */
  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes a) {
    Optional<InputStream> content = context.responseBody();
    if (content.isEmpty()) {
      response(context.httpResponse(), null);
      return content;
    }
    byte[] body;
    try (InputStream in = content.get()) {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    response(context.httpResponse(), new String(body, StandardCharsets.UTF_8));
    return Optional.of(new ByteArrayInputStream(body));
  }
}
