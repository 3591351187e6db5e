/**
 * The emulated Lambda: functions invoked asynchronously from a durable queue, with their timeout,
 * reserved concurrency, retries, maximum event age and on-failure destination, running the
 * backend's own handlers.
 *
 * <p>May import {@code store}, {@code log} and the backend; nothing of HTTP.
 */
package dev.jobs.local.lambda;
