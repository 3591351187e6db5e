/**
 * {@code jobs console}. As every command package: may import what {@code dev.jobs.cli.command}
 * lists (and the engine {@code console}), never another command package.
 */
package dev.jobs.cli.command.console;
