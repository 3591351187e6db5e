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
 * QuickAnswersTest} checks both answer alike. The launcher goes one step further: the build writes
 * the same answers beside the jar, and {@code bin/jobs} prints them without starting a JVM at all
 * ({@code LauncherIT} checks they are the JVM's, byte for byte).
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
    return version(QuickAnswers.class.getPackage().getImplementationVersion());
  }

  private static String version(String implementationVersion) {
    return "jobs " + (implementationVersion == null ? "dev" : implementationVersion);
  }

  private static String usage(String name) {
    try (InputStream text = QuickAnswers.class.getResourceAsStream(name)) {
      return text == null ? null : new String(text.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * With one argument (the classes directory), writes the root usage there, plain and in colour.
   * With three ({@code --beside JAR VERSION}), after the jar, writes the answers the launcher gives
   * without a JVM beside it: {@code jobs.version}, and as {@code jobs.usage.txt} and {@code
   * jobs.usage.ansi.txt} the usage the first form wrote, so the launcher prints what the jar does.
   */
  public static void main(String... args) throws IOException {
    if (args.length == 3 && args[0].equals("--beside")) {
      Path jar = Path.of(args[1]);
      write(besideJar(jar, ".version"), version(args[2]) + System.lineSeparator());
      write(besideJar(jar, ".usage.txt"), written(PLAIN));
      write(besideJar(jar, ".usage.ansi.txt"), written(COLOUR));
      return;
    }
    CommandLine root = CommandModel.commandLine(Environment.system());
    Path dir = Path.of(args[0]).resolve(QuickAnswers.class.getPackageName().replace('.', '/'));
    Files.createDirectories(dir);
    write(dir.resolve(PLAIN), root.getUsageMessage(Ansi.OFF));
    write(dir.resolve(COLOUR), root.getUsageMessage(Ansi.ON));
  }

  private static String written(String name) {
    String usage = usage(name);
    if (usage == null) {
      throw new IllegalStateException(name + " is not on the class path: write it first");
    }
    return usage;
  }

  /** {@code jobs.jar}'s answer file with this suffix, as the launcher names it. */
  static Path besideJar(Path jar, String suffix) {
    Path file = jar.getFileName();
    if (file == null) {
      throw new IllegalArgumentException("not a jar's path: " + jar);
    }
    String name = file.toString();
    String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    return jar.resolveSibling(base + suffix);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
