/**
 * {@code jobs submit}, {@code get}, {@code list}, {@code wait} and {@code cancel}: one job, or a
 * page of them. As every command package: may import what {@code dev.jobs.cli.command} lists, never
 * another command package.
 */
package dev.jobs.cli.command.job;
