/**
 * The local stack's names: the account, and the ARNs and outputs of the resources, by the keys the
 * CDK stack uses.
 *
 * <p>Imports nothing of the runtime; every package may import it.
 */
package dev.jobs.local.stack;
