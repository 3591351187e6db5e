/**
 * The engine of {@code jobs stats} (figures over a window of jobs) and the stack's alarms of {@code
 * jobs alarms} and the console. May import {@code core}, {@code api} and {@code aws}; never a
 * command.
 */
package dev.jobs.cli.monitor;
