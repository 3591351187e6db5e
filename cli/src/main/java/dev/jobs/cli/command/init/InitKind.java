package dev.jobs.cli.command.init;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.options.NameRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobs init kind NAME}: a Maven project for a job kind of your own, built against {@code
 * jobs-kind-api}: its pom, the kind, its unit test, its service file and a README.
 */
@Command(
    name = "kind",
    description = {
      "Write a Maven project for a job kind of your own: pom, kind, unit test, service file, README.",
      "`mvn package` builds its jar for `jobs local start --kinds` and `jobs deploy --kinds`."
    })
public final class InitKind implements Callable<Integer> {
  /** A job type as the API's schema allows it. */
  static final NameRule NAME =
      NameRule.of(
          "[a-z][a-z0-9-]{0,63}", "a job type: a-z first, then up to 63 of a-z, 0-9 and '-'");

  private static final String TEMPLATES = "/dev/jobs/cli/command/init/kind/";
  private static final String TOOLKIT = "/dev/jobs/cli/command/init/toolkit.properties";
  static final String SERVICE_FILE = "META-INF/services/dev.jobs.kind.JobKind";

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      description = "The kind's name, the jobs' \"type\": a-z first, then a-z, 0-9 or '-'.")
  String name;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to write the project (default: ./NAME); it must be empty or absent.")
  Path dir;

  @Override
  public Integer call() {
    NAME.check("kind name", name);
    Path directory = dir != null ? dir : Path.of(name);
    checkEmpty(directory);
    String className = className(name);
    String packageName = "kinds." + name.replace("-", "");
    String packagePath = packageName.replace('.', '/');
    Properties toolkit = toolkit();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("class", className);
    values.put("package", packageName);
    values.put("packagePath", packagePath);
    values.put("jobsVersion", toolkit.getProperty("jobs.version"));
    values.put("junitVersion", toolkit.getProperty("junit.version"));

    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", render("pom.xml.template", values));
    files.put("README.md", render("README.md.template", values));
    files.put(
        "src/main/java/" + packagePath + "/" + className + ".java",
        render("Kind.java.template", values));
    files.put(
        "src/test/java/" + packagePath + "/" + className + "Test.java",
        render("KindTest.java.template", values));
    files.put("src/main/resources/" + SERVICE_FILE, packageName + "." + className + "\n");
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = directory.resolve(file.getKey());
        Path parent = path.getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, "cannot write " + directory + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "wrote job kind '" + name + "' (" + packageName + "." + className + ") in " + directory);
    out.println("next: cd " + directory + " && mvn package");
    out.println("then: jobs local start --detach --kinds target/" + name + ".jar");
    out.flush();
    return ExitCode.OK;
  }

  private static void checkEmpty(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    if (!Files.isDirectory(directory)) {
      throw new JobsException(ExitCode.USAGE, directory + " exists and is not a directory");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      if (entries.findAny().isPresent()) {
        throw new JobsException(
            ExitCode.USAGE, directory + " is not empty; name another with --dir");
      }
    } catch (IOException e) {
      throw new JobsException(ExitCode.ERROR, "cannot read " + directory + ": " + e.getMessage());
    }
  }

  /** {@code word-count} gives {@code WordCountJob}. */
  static String className(String name) {
    StringBuilder className = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        className.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return className.append("Job").toString();
  }

  private static String render(String template, Map<String, String> values) {
    String text = resource(TEMPLATES + template);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return text;
  }

  private static Properties toolkit() {
    Properties properties = new Properties();
    try (InputStream in = InitKind.class.getResourceAsStream(TOOLKIT)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + TOOLKIT);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String resource(String path) {
    try (InputStream in = InitKind.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
