package dev.jobs.cli.command.local;

import picocli.CommandLine.Command;

/** {@code jobs local}: the whole architecture on this machine. */
@Command(
    name = "local",
    description = "Run the jobs architecture on this machine (127.0.0.1 only).",
    subcommands = {LocalStart.class, LocalStop.class, LocalStatus.class})
public final class LocalCommand {}
