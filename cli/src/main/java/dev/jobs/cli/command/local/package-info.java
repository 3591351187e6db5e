/**
 * {@code jobs local start}, {@code stop} and {@code status}. As every command package: may import
 * what {@code dev.jobs.cli.command} lists, never another command package.
 */
package dev.jobs.cli.command.local;
