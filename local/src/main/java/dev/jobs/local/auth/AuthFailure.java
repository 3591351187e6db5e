package dev.jobs.local.auth;

/**
 * A request AWS would refuse, with AWS's error code and message. Each front end renders it in its
 * protocol's error format.
 */
public final class AuthFailure extends RuntimeException {
  private final String code;

  public AuthFailure(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** AWS's error code, such as {@code SignatureDoesNotMatch} or {@code ExpiredToken}. */
  public String code() {
    return code;
  }
}
