/**
 * The emulated CloudFormation: DescribeStacks for the one local stack and its outputs, served
 * through the query protocol.
 *
 * <p>May import {@code protocol}, {@code auth} and {@code stack}.
 */
package dev.jobs.local.cloudformation;
