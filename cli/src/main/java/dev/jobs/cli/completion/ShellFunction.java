package dev.jobs.cli.completion;

import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;

/**
 * The {@code jobs} shell function that the completion scripts define. {@code jobs} is a builtin of
 * bash, zsh and dash, and a builtin runs before any program on the PATH: without the function,
 * {@code jobs submit} lists the shell's background jobs. The function sends the tool's subcommands
 * and options to the tool, through {@code env} (which looks only at the PATH), and the rest ({@code
 * jobs}, {@code jobs -l}, {@code jobs %1}) to the builtin.
 */
final class ShellFunction {
  private ShellFunction() {}

  /**
   * The function for a shell. The subcommand names (aliases included) come from the command model;
   * the builtin's own flags differ between the shells, and their combinations ({@code -lp}) go to
   * the builtin too.
   */
  static String of(CompletionScripts.Shell shell, CommandLine model) {
    Set<String> names = new LinkedHashSet<>(model.getSubcommands().keySet());
    String builtinFlags =
        switch (shell) {
          case bash -> "lnprsx";
          case zsh -> "dlprsZ";
        };
    return "\n"
        + "# `jobs` is also a builtin of the shell, and a builtin runs before any program on the\n"
        + "# PATH. This function sends the tool's subcommands and options to the tool (found by\n"
        + "# env, which looks only at the PATH), and the rest (jobs, jobs -l, jobs %1) to the\n"
        + "# builtin.\n"
        + "jobs() {\n"
        + "  case \"${1-}\" in\n"
        + "    "
        + String.join("|", names)
        + ")\n"
        + "      command env jobs \"$@\" ;;\n"
        + "    -?*)\n"
        + "      local flags=\"${1#-}\"\n"
        + "      if [ -z \"${flags//["
        + builtinFlags
        + "]/}\" ]; then\n"
        + "        builtin jobs \"$@\"\n"
        + "      else\n"
        + "        command env jobs \"$@\"\n"
        + "      fi ;;\n"
        + "    *)\n"
        + "      builtin jobs \"$@\" ;;\n"
        + "  esac\n"
        + "}\n";
  }
}
