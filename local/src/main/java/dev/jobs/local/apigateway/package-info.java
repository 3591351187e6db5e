/**
 * The emulated API Gateway stage of the jobs API ({@code /prod}): IAM authorization, the request
 * validator, the integration templates, the asynchronous invocation of the processing function, and
 * {@code GET /jobs} through the backend's list.
 *
 * <p>May import {@code protocol}, {@code server}, {@code auth}, {@code lambda}, {@code stack} and
 * the backend.
 */
package dev.jobs.local.apigateway;
