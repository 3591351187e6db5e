/**
 * The engine of {@code jobs replay} and {@code jobs replays}: failed jobs in a window, the archive
 * they replay from, the redrive through the API, and the replay names remembered for completion.
 * May import {@code core}, {@code options}, {@code output} (the poller and the live line), {@code
 * aws}, {@code api}, {@code session} and {@code target}; never a command.
 */
package dev.jobs.cli.replay;
