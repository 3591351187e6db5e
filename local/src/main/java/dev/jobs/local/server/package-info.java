/**
 * The one port on 127.0.0.1: Jetty, its limits (threads, header and body sizes, idle time), the
 * {@link dev.jobs.local.server.HttpCall} a request becomes, and the 500 answered for a failure.
 * What is served behind it is an {@link dev.jobs.local.server.HttpService}.
 *
 * <p>May import {@code auth} (the request as SigV4 covers it) and {@code log}; nothing of the
 * protocols or services.
 */
package dev.jobs.local.server;
