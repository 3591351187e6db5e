/**
 * SQLite storage: the job table, the invocation queue, the archive, the replays and the issued
 * credentials, each transaction behind a named operation, with one group-commit writer.
 *
 * <p>May import the backend's store contract and JSON; nothing else of the runtime.
 */
package dev.jobs.local.store;
