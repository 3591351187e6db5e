package dev.jobs.cli.app;

import dev.jobs.cli.core.Environment;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Makes the commands and mixins for picocli, handing the {@link Environment} to each whose
 * constructor takes it; everything else picocli makes itself. So a command receives what it sees of
 * the machine and never reaches back to the root command for it.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final Environment environment;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Environment environment) {
    this.environment = environment;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      Class<?>[] parameters = constructor.getParameterTypes();
      if (parameters.length == 1 && parameters[0] == Environment.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(environment));
      }
    }
    return fallback.create(type);
  }
}
