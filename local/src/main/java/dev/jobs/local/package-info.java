/**
 * The local runtime's published face and its assembly: {@link dev.jobs.local.LocalRuntime} (one
 * process holding the whole architecture), {@link dev.jobs.local.RuntimeOptions}, {@link
 * dev.jobs.local.RuntimeFile} (how the CLI finds a running runtime) and {@link
 * dev.jobs.local.KindJars} (the user's own job kinds).
 *
 * <p>May import every package of the runtime, to assemble it, and the backend. Nothing in the
 * runtime imports this package: it stands on top.
 */
package dev.jobs.local;
