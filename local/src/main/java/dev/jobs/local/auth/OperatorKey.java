package dev.jobs.local.auth;

/**
 * The operator's long-term key pair, which signs for the account's root: what the runtime was
 * started with, as the runtime file announces it.
 */
public record OperatorKey(String accessKeyId, String secretAccessKey) {}
