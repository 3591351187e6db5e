/**
 * The engine of {@code jobs deploy} and {@code jobs destroy}: the packaged cloud assembly, asset
 * uploads, change sets, approval, the stack watcher and its progress. May import {@code core},
 * {@code output} (the poller and the live line), {@code options}, {@code aws}, {@code session} and
 * {@code target}; never a command.
 */
package dev.jobs.cli.deploy;
