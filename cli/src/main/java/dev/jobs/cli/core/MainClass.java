package dev.jobs.cli.core;

/**
 * The {@code jobs} program's main class by name, as the jar's manifest has it: the detached local
 * runtime starts it, and the class-data training loads it. A name, not a class reference, so that
 * neither imports the root of the command; {@code UnitsTest} checks that it names {@code Jobs}.
 */
public final class MainClass {
  public static final String NAME = "dev.jobs.cli.app.Jobs";

  private MainClass() {}
}
