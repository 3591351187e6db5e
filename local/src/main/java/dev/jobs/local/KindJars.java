package dev.jobs.local;

import dev.jobs.backend.kind.JobKinds;
import dev.jobs.kind.JobKind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The user's own job kinds, from jars given at start, beside the built-in ones. The jars share one
 * class loader, a child of the runtime's own, so a kind sees {@code dev.jobs.kind} and Jackson as
 * the built-in kinds do, and its own classes first of all.
 *
 * <p>Each jar's {@code META-INF/services/dev.jobs.kind.JobKind} is read here rather than through
 * {@link java.util.ServiceLoader}, which would not say which jar a failing class came from.
 */
public final class KindJars {
  /** A job type as the API's schema allows it. */
  private static final java.util.regex.Pattern JOB_TYPE =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,63}");

  static final String SERVICE_FILE = "META-INF/services/" + JobKind.class.getName();

  private KindJars() {}

  /**
   * The built-in kinds and those the jars list.
   *
   * @throws KindJarException naming the jar, and the class where one is at fault
   */
  public static JobKinds load(List<Path> jars) {
    JobKinds builtIn = JobKinds.load();
    if (jars.isEmpty()) {
      return builtIn;
    }
    Map<Path, List<String>> listed = new LinkedHashMap<>();
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      listed.put(jar, listedClasses(jar));
      urls.add(url(jar));
    }
    ClassLoader loader =
        new URLClassLoader("job-kinds", urls.toArray(URL[]::new), KindJars.class.getClassLoader());
    Map<String, String> origins = new LinkedHashMap<>();
    List<JobKind> kinds = new ArrayList<>();
    for (Map.Entry<Path, List<String>> entry : listed.entrySet()) {
      for (String className : entry.getValue()) {
        JobKind kind = construct(entry.getKey(), className, loader);
        String name = named(entry.getKey(), className, kind);
        String origin = entry.getKey() + " (" + className + ")";
        if (builtIn.find(name).isPresent()) {
          throw new KindJarException(
              entry.getKey(),
              className,
              "its kind '"
                  + name
                  + "' clashes with the built-in "
                  + builtIn.find(name).get().getClass().getName());
        }
        String previous = origins.putIfAbsent(name, origin);
        if (previous != null) {
          throw new KindJarException(
              entry.getKey(), className, "its kind '" + name + "' clashes with " + previous);
        }
        kinds.add(kind);
      }
    }
    return builtIn.plus(kinds);
  }

  private static List<String> listedClasses(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new KindJarException(jar, null, "no such file");
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(SERVICE_FILE);
      if (entry == null) {
        throw new KindJarException(jar, null, "it lists no job kind in " + SERVICE_FILE);
      }
      List<String> classes = new ArrayList<>();
      try (InputStream in = file.getInputStream(entry)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String name = line.replaceFirst("#.*", "").strip();
          if (!name.isEmpty()) {
            classes.add(name);
          }
        }
      }
      if (classes.isEmpty()) {
        throw new KindJarException(jar, null, SERVICE_FILE + " names no class");
      }
      return classes;
    } catch (IOException | SecurityException e) {
      throw new KindJarException(jar, null, "not a readable jar (" + e.getMessage() + ")");
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new KindJarException(jar, null, "no URL for it (" + e.getMessage() + ")");
    }
  }

  private static JobKind construct(Path jar, String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new KindJarException(jar, className, "cannot be loaded (" + e + ")");
    }
    if (!JobKind.class.isAssignableFrom(type)) {
      throw new KindJarException(jar, className, "does not implement " + JobKind.class.getName());
    }
    try {
      return (JobKind) type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new KindJarException(jar, className, "failed to construct (" + e.getCause() + ")");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      throw new KindJarException(
          jar,
          className,
          "failed to construct: it needs a public no-argument constructor (" + e + ")");
    }
  }

  private static String named(Path jar, String className, JobKind kind) {
    String name;
    try {
      name = kind.name();
    } catch (RuntimeException | LinkageError e) {
      throw new KindJarException(jar, className, "name() failed (" + e + ")");
    }
    if (name == null || !JOB_TYPE.matcher(name).matches()) {
      throw new KindJarException(
          jar,
          className,
          "is named "
              + (name == null ? "null" : "'" + name + "'")
              + ", which is no job type: a-z first, then up to 63 of a-z, 0-9 and '-'");
    }
    return name;
  }

  /** A kind jar that cannot be served: one line naming the jar and the class. */
  public static final class KindJarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KindJarException(Path jar, String className, String reason) {
      super(
          "job kinds from "
              + jar
              + ": "
              + (className == null ? reason : "class " + className + " " + reason));
    }
  }
}
