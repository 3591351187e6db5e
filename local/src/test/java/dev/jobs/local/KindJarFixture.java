package dev.jobs.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's kind jar, made by a test: Java sources compiled against this test's class path (so
 * against {@code jobs-kind-api}), their classes and a service file in a jar. The classes exist in
 * that jar alone, as a user's do, so only the kinds' own class loader finds them.
 */
public final class KindJarFixture {
  private KindJarFixture() {}

  /** A kind named {@code name} in class {@code kinds.<className>} that answers {"echo": text}. */
  public static String echoKind(String className, String name) {
    return """
        package kinds;

        public final class CLASS_NAME implements dev.jobs.kind.JobKind {
          public String name() { return "KIND_NAME"; }
          public java.util.Set<String> parameterNames() { return java.util.Set.of("text"); }
          public void validate(tools.jackson.databind.node.ObjectNode parameters) {
            if (!parameters.path("text").isString()) {
              throw new dev.jobs.kind.InvalidJobException("'text' is required");
            }
          }
          public tools.jackson.databind.JsonNode run(
              tools.jackson.databind.node.ObjectNode parameters, dev.jobs.kind.JobContext context) {
            String text = parameters.get("text").asString();
            if (text.isEmpty()) {
              throw new dev.jobs.kind.JobFailedException("nothing to echo");
            }
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("echo", text);
          }
        }
        """
        .replace("CLASS_NAME", className)
        .replace("KIND_NAME", name);
  }

  /** A jar in {@code directory} serving one {@link #echoKind}, {@code kinds.<className>}. */
  public static Path echoJar(Path directory, String jarName, String className, String name)
      throws IOException {
    return jar(directory, jarName, List.of("kinds." + className), echoKind(className, name));
  }

  /**
   * Compiles the sources ({@code kinds.<ClassName>} each, by their file names) and writes a jar
   * with them and a service file listing {@code services}.
   */
  public static Path jar(Path directory, String jarName, List<String> services, String... sources)
      throws IOException {
    Path src = Files.createTempDirectory(directory, "src");
    Path classes = Files.createTempDirectory(directory, "classes");
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "--release",
                "17"));
    for (String source : sources) {
      String className = source.replaceFirst("(?s).*?public final class (\\w+).*", "$1");
      Path directoryOfPackage = Files.createDirectories(src.resolve("kinds"));
      Path file = directoryOfPackage.resolve(className + ".java");
      Files.writeString(file, source);
      arguments.add(file.toString());
    }
    if (sources.length > 0) {
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      StringWriter errors = new StringWriter();
      int status =
          compiler
                  .getTask(
                      errors,
                      null,
                      null,
                      arguments.subList(0, 6),
                      null,
                      compiler
                          .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                          .getJavaFileObjectsFromStrings(arguments.subList(6, arguments.size())))
                  .call()
              ? 0
              : 1;
      if (status != 0) {
        throw new IllegalStateException("the kind sources do not compile: " + errors);
      }
    }
    Path jar = directory.resolve(jarName);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> files = Files.walk(classes)) {
      for (Path each : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(each).toString().replace('\\', '/')));
        Files.copy(each, out);
        out.closeEntry();
      }
      if (services != null) {
        out.putNextEntry(new JarEntry(KindJars.SERVICE_FILE));
        out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
