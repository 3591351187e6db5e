package dev.jobs.cli.api;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Credentials that may be stale rather than wrong (an assumed role's, cached): when the API rejects
 * them, {@link JobsClient} asks them to renew and tries once more.
 */
public interface RenewableCredentials extends AwsCredentialsProvider {
  /**
   * Forgets the credentials after the service rejected them.
   *
   * @return whether getting them again may help
   */
  boolean invalidate();
}
