/**
 * {@code jobs deploy} and {@code jobs destroy}. As every command package: may import what {@code
 * dev.jobs.cli.command} lists, never another command package.
 */
package dev.jobs.cli.command.deploy;
