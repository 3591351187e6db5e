/**
 * {@code jobs completion} (the script) and {@code jobs __complete} (the names offered at TAB time).
 * As every command package: may import what {@code dev.jobs.cli.command} lists, never another
 * command package.
 */
package dev.jobs.cli.command.completion;
