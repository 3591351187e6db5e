/**
 * {@code jobs init kind}: a ready project to start a job kind from. As every command package: may
 * import what {@code dev.jobs.cli.command} lists, never another command package.
 */
package dev.jobs.cli.command.init;
