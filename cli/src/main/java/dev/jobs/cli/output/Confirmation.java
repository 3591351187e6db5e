package dev.jobs.cli.output;

import java.io.Console;
import java.util.Optional;

/** Asks the operator a yes/no question; absent when there is no terminal to ask on. */
@FunctionalInterface
public interface Confirmation {
  boolean confirm(String question);

  /** The process's terminal, when it has one. */
  static Optional<Confirmation> terminal() {
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    return Optional.of(
        question -> {
          String answer = console.readLine("%s [y/N] ", question);
          return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        });
  }
}
