package dev.jobs.local.store;

/** Temporary credentials the local STS issued for a role. {@code expiresAt} is epoch millis. */
public record IssuedCredentials(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    String roleArn,
    String sessionName,
    long expiresAt) {}
