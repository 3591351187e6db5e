package dev.jobs.cli.options;

import java.util.function.Function;
import picocli.CommandLine;

/**
 * A picocli converter over a parse that says why with an {@link IllegalArgumentException}: picocli
 * then prints that reason after the option's name. The parses themselves name no picocli type, so
 * that {@code jobs get}'s start path, which uses them, loads none (see {@link Durations}).
 */
abstract class Parsing<T> implements CommandLine.ITypeConverter<T> {
  private final Function<String, T> parse;

  Parsing(Function<String, T> parse) {
    this.parse = parse;
  }

  @Override
  public final T convert(String value) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
