/**
 * What a command prints and how it waits in front of a person: the job printer and table, times to
 * the second, the live progress line, the Ctrl-C notice and the polling loop that waits for a job;
 * the run of a bulk command over many jobs ({@code BulkRun}: the confirmation, the pace, the bar,
 * Ctrl-C between jobs) and its summary. May import {@code core}, {@code options} and {@code api}
 * (the records it prints); never a command.
 */
package dev.jobs.cli.output;
