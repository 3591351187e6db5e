/**
 * The emulated EventBridge, split as moto splits a service: the wire ({@code EventBridgeApi}: each
 * operation's input read and output written), the checks of the request fields ({@code
 * EventBridgeFields}), and the behaviour ({@code EventBridge} over {@code EventBus}, its archive,
 * and {@code ReplayRunner}).
 *
 * <p>May import {@code protocol}, {@code auth}, {@code lambda} (the replay target and the error
 * handler's destination), {@code stack}, {@code store}, {@code log} and the backend.
 */
package dev.jobs.local.events;
