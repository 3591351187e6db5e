/**
 * Completion scripts generated from a command model (picocli's {@code AutoComplete} plus the {@code
 * jobs} shell function), and the candidates known only at TAB time. Imports no other package of the
 * CLI: it is handed the model.
 */
package dev.jobs.cli.completion;
