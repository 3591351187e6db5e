/**
 * One command's connection to its target: the base and assumed-role credentials (and their cache),
 * the HTTP clients and the AWS SDK clients, each built once, and the jobs API client. The only
 * package that builds SDK or HTTP clients. May import {@code core}, {@code options}, {@code net},
 * {@code aws}, {@code api}, {@code target}, {@code output} (the run's printer) and {@code local}
 * (the on-demand start of the local runtime); never a command.
 */
package dev.jobs.cli.session;
