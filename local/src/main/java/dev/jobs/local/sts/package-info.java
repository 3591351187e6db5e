/**
 * The emulated STS: AssumeRole for the invoke role, and GetCallerIdentity, served through the query
 * protocol.
 *
 * <p>May import {@code protocol}, {@code auth}, {@code stack}, {@code store} and the backend's
 * settings.
 */
package dev.jobs.local.sts;
