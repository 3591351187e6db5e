/**
 * The engine that starts and stops the local runtime process: the on-demand start of job commands,
 * the detached runtime and its private copy of the jar, the remembered kind jars. May import {@code
 * core}, {@code output} (the poller that waits for the child) and the {@code local} module's
 * published face; never a command.
 */
package dev.jobs.cli.local;
