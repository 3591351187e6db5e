/**
 * The engine of {@code jobs stats}: figures over a window of jobs. May import {@code core} and
 * {@code api}; never a command.
 */
package dev.jobs.cli.monitor;
