/**
 * Start-up speed: the workload the build runs once to make the class-data archive ({@code
 * ArchiveTraining}, through the entry point {@code app.Jobs}) and the loopback stack it runs
 * against, which the {@code get} benchmark uses too. Nothing imports it.
 */
package dev.jobs.cli.startup;
