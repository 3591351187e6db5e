/**
 * The network as the user set it up: proxies, extra trusted CAs, timeouts, and network failures
 * said as one line. May import {@code core} only; the HTTP clients themselves are built in {@code
 * session}.
 */
package dev.jobs.cli.net;
