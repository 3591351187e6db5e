package dev.jobs.cli.command.local;

import dev.jobs.cli.options.DataDirOption;
import dev.jobs.cli.options.OutputOptions;
import dev.jobs.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code jobs local} command: the runtime's data directory and the output options, once. */
abstract class RuntimeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;
  @Mixin OutputOptions output;

  /** The run's printer, on the command's stdout. */
  Printer printer() {
    return Printer.of(output, dataDir.environment(), spec);
  }
}
