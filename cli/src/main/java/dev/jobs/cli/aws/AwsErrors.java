package dev.jobs.cli.aws;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.net.NetworkErrors;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK failures into one line and an exit code. */
public final class AwsErrors {
  private static final Set<String> EXPIRED =
      Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired");
  private static final Set<String> DENIED =
      Set.of(
          "AccessDenied",
          "AccessDeniedException",
          "UnauthorizedOperation",
          "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "IncompleteSignature",
          "MissingAuthenticationToken",
          "NotAuthorized");
  private static final Set<String> NOT_FOUND =
      Set.of("ResourceNotFoundException", "NoSuchEntity", "NotFoundException");

  private AwsErrors() {}

  public static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /**
   * The service's own words: its error code, else the HTTP status (an endpoint that is not AWS,
   * such as an emulator or a proxy, may send an error without a code), then its message if any.
   */
  private static String serviceError(AwsServiceException e) {
    String code = code(e);
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    String what = code == null ? "HTTP " + e.statusCode() : code;
    if ((message == null || message.isBlank()) && code == null) {
      message = excerpt(e);
    }
    return message == null || message.isBlank() ? what : what + ": " + firstLine(message);
  }

  private static final Pattern MESSAGE =
      Pattern.compile("(?:<Message>([^<]*)</Message>|\"[mM]essage\"\\s*:\\s*\"([^\"]*)\")");
  private static final int EXCERPT = 120;

  /**
   * What the body says when the SDK found no code in it: a message in the other protocol's format
   * (a JSON error from an XML service, or the reverse), else the body's text without markup,
   * shortened (an HTML page from a proxy or a load balancer).
   */
  static String excerpt(AwsServiceException e) {
    if (e.awsErrorDetails() == null || e.awsErrorDetails().rawResponse() == null) {
      return null;
    }
    String body = e.awsErrorDetails().rawResponse().asUtf8String();
    Matcher message = MESSAGE.matcher(body);
    if (message.find()) {
      return message.group(1) != null ? message.group(1) : message.group(2);
    }
    String text = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
  }

  public static boolean isExpired(SdkException e) {
    return e instanceof AwsServiceException s && isOneOf(EXPIRED, code(s));
  }

  public static boolean isDenied(SdkException e) {
    return e instanceof AwsServiceException s
        && (isOneOf(DENIED, code(s)) || s.statusCode() == 403);
  }

  /** Set.of(...).contains(null) throws: an error without a code is none of these. */
  private static boolean isOneOf(Set<String> codes, String code) {
    return code != null && codes.contains(code);
  }

  /** One line saying what failed and why; the exit code says what kind of failure it was. */
  public static JobsException translate(SdkException e, String what) {
    if (e instanceof AwsServiceException service) {
      String line = what + " failed: " + serviceError(service);
      if (service.statusCode() == 407) {
        return new JobsException(
            ExitCode.ERROR,
            line
                + " (the proxy wants credentials: give them in its URL, as"
                + " HTTPS_PROXY=http://user:password@host:port)",
            e);
      }
      if (isExpired(e)) {
        return new JobsException(
            ExitCode.CREDENTIALS, line + " (the credentials have expired; refresh them)", e);
      }
      if (isDenied(e)) {
        return new JobsException(ExitCode.CREDENTIALS, line, e);
      }
      if (isOneOf(NOT_FOUND, code(service)) || service.statusCode() == 404) {
        return new JobsException(ExitCode.NOT_FOUND, line, e);
      }
      if (service.isThrottlingException()) {
        return new JobsException(ExitCode.ERROR, line + " (still throttled after retries)", e);
      }
      return new JobsException(ExitCode.ERROR, line, e);
    }
    if (e instanceof SdkClientException client) {
      String message = String.valueOf(client.getMessage());
      if (message.contains("Unable to load credentials")
          || message.contains("Profile file contained no credentials")
          || message.contains("does not exist in the profile")) {
        return new JobsException(ExitCode.CREDENTIALS, what + " failed: no usable credentials", e);
      }
      String network = NetworkErrors.reason(e);
      if (network != null) {
        return new JobsException(
            ExitCode.ERROR, what + " failed: cannot reach the service: " + network, e);
      }
      Throwable cause = rootCause(e);
      // A refused, reset or timed-out connection, or a host that does not resolve: no answer came.
      if (cause instanceof java.net.SocketException
          || cause instanceof java.net.UnknownHostException
          || cause instanceof java.net.SocketTimeoutException) {
        return new JobsException(
            ExitCode.ERROR,
            what + " failed: cannot reach the service (" + firstLine(cause.getMessage()) + ")",
            e);
      }
      return new JobsException(ExitCode.ERROR, what + " failed: " + firstLine(message), e);
    }
    return new JobsException(ExitCode.ERROR, what + " failed: " + firstLine(e.getMessage()), e);
  }

  static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  public static String firstLine(String message) {
    return NetworkErrors.firstLine(message, "unknown error");
  }
}
