/**
 * The options commands share, declared once as picocli mixins and their type converters: the target
 * and AWS options, the output options, durations and points in time as typed, the local data
 * directory. May import {@code core} and {@code completion} (candidates known at TAB time); never a
 * command, an engine or the session.
 */
package dev.jobs.cli.options;
