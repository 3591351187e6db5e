/**
 * The runtime's log (standard error): where an unexpected failure's stack trace goes.
 *
 * <p>Imports nothing of the runtime; every package may import it.
 */
package dev.jobs.local.log;
