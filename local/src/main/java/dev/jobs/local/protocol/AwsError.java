package dev.jobs.local.protocol;

/**
 * A request a service refuses, in AWS's terms: the HTTP status, AWS's error code and its message. A
 * service throws it; the protocol answers it in its own error shape.
 */
public final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public AwsError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** A client error answered 400, as most of AWS's are. */
  public AwsError(String code, String message) {
    this(400, code, message);
  }

  /**
   * AWS's words for a call no policy allows, {@code User: <arn> is not authorized to perform:
   * <action>}, then what the service adds, such as {@code on resource: <arn>}.
   */
  public static String notAuthorized(String callerArn, String action, String detail) {
    return "User: " + callerArn + " is not authorized to perform: " + action + " " + detail;
  }

  public int status() {
    return status;
  }

  /** AWS's error code, such as {@code ValidationError} or {@code ResourceNotFoundException}. */
  public String code() {
    return code;
  }
}
