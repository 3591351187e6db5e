package dev.jobs.cli.aws;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The {@code --debug} wire log on stderr: each request and response, with {@code Authorization},
 * security tokens and secret keys redacted so a log can be pasted into an issue.
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

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes a) {
    request(context.httpRequest(), null);
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes a) {
    response(context.httpResponse(), null);
  }
}
