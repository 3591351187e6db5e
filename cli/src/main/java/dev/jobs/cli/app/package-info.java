/**
 * The program: the entry point {@code Jobs} ({@code main} and the testable {@code run(out, err,
 * args)}), the root command {@code CommandModel} with its subcommands and failure handlers, the
 * fast path for {@code jobs get}, and the build-time writers of files generated from the model
 * (completion scripts). The top of the house: it may import every other package of the CLI, and
 * none imports it (only the entry point reaches the root command; the class-data training in {@code
 * startup} runs the entry point).
 */
package dev.jobs.cli.app;
