package dev.jobs.cli.app;

import dev.jobs.cli.core.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code jobs --version} and {@code jobs --help} (also {@code -V}, {@code -h}, {@code help}),
 * answered without picocli's model. Building the model of every command (reflection over their
 * annotations, a proxy class per annotation type) was most of what these cost, more than a whole
 * {@code jobs get}, for text that changes only with the build: the version is the jar's, and the
 * build writes the root usage from the model beside the classes ({@link #main}), plain and in
 * colour. Anything else, or a class path without that text, goes through picocli; {@code
 * QuickAnswersTest} checks both answer alike.
 */
public final class QuickAnswers {
  static final String PLAIN = "usage.txt";
  static final String COLOUR = "usage.ansi.txt";

  private QuickAnswers() {}

  /** The exit code, or null when picocli should run the command line. */
  static Integer run(PrintWriter out, String... args) {
    if (args.length != 1) {
      return null;
    }
    switch (args[0]) {
      case "-V", "--version" -> {
        out.println(version());
        out.flush();
        return 0;
      }
      case "-h", "--help", "help" -> {
        // Colour exactly when picocli would use it: its own test of the terminal.
        String usage = usage(Ansi.AUTO.enabled() ? COLOUR : PLAIN);
        if (usage == null) {
          return null;
        }
        out.print(usage);
        out.flush();
        return 0;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * {@code jobs VERSION}, from the jar's manifest, as {@code CommandModel.Version} has it ({@code
   * QuickAnswersTest} checks that they agree).
   */
  static String version() {
    String version = QuickAnswers.class.getPackage().getImplementationVersion();
    return "jobs " + (version == null ? "dev" : version);
  }

  private static String usage(String name) {
    try (InputStream text = QuickAnswers.class.getResourceAsStream(name)) {
      return text == null ? null : new String(text.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes the root usage, plain and in colour, into {@code args[0]} (the classes directory). */
  public static void main(String... args) throws IOException {
    Path dir = Path.of(args[0]).resolve(QuickAnswers.class.getPackageName().replace('.', '/'));
    CommandLine root = Jobs.commandLine(Environment.system());
    Files.createDirectories(dir);
    write(dir.resolve(PLAIN), root.getUsageMessage(Ansi.OFF));
    write(dir.resolve(COLOUR), root.getUsageMessage(Ansi.ON));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
