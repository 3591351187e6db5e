/**
 * {@code jobs replay} and {@code jobs replays}. As every command package: may import what {@code
 * dev.jobs.cli.command} lists, never another command package.
 */
package dev.jobs.cli.command.replay;
