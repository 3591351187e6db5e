package dev.jobs.local.auth;

/**
 * Who signed a request.
 *
 * @param roleArn the role the credentials were issued for, or null for the operator's key pair
 */
public record Caller(String accessKeyId, String arn, String roleArn) {
  public boolean isOperator() {
    return roleArn == null;
  }
}
