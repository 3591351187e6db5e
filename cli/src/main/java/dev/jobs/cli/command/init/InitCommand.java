package dev.jobs.cli.command.init;

import picocli.CommandLine.Command;

/** {@code jobs init}: starting points for your own code. */
@Command(
    name = "init",
    description = "Write a ready project to start from.",
    subcommands = {InitKind.class})
public final class InitCommand {}
