/**
 * The client of the jobs HTTP API (SigV4-signed, with retries) and the records it answers. May
 * import {@code core}, {@code aws} (error translation, the wire log) and {@code net}; it is handed
 * its credentials and HTTP client by {@code session} and builds neither.
 */
package dev.jobs.cli.api;
