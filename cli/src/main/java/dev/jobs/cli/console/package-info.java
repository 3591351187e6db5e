/**
 * The engine of {@code jobs console}: a web server on the loopback address that shows the target's
 * jobs, failures and logs as HTML pages and cancels and re-drives jobs, every call made here on the
 * server side with the session's signed clients, so that no credential reaches the browser. Its
 * guard ({@link dev.jobs.cli.console.ConsoleGuard}) holds every request to the printed token, the
 * loopback host and origin, and a CSRF token on each POST. May import {@code core}, {@code api},
 * {@code logs}, {@code options}, {@code output} and {@code replay}; never a command, and never
 * {@code session}: the command hands it the clients.
 */
package dev.jobs.cli.console;
