/**
 * The engine of {@code jobs logs} and of the tail that {@code jobs wait} shows for a failed job: a
 * job's log events read from the stack's log groups with CloudWatch Logs {@code FilterLogEvents},
 * checked, merged in time order, and printed. May import {@code core}, {@code aws}, {@code output}
 * and {@code api}; never a command.
 */
package dev.jobs.cli.logs;
