package dev.jobs.cli.local;

import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.cli.core.MainClass;
import dev.jobs.cli.output.Poller;
import dev.jobs.local.RuntimeFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The local runtime in a background JVM: {@code jobs local start} as a child process, its output in
 * {@code <data-dir>/runtime.log}. What {@code jobs local start --detach} runs.
 */
public final class DetachedRuntime {
  /** Set in the child's JVM: it runs in the background. */
  static final String DETACHED_PROPERTY = "jobs.local.detached";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How often the child's {@code runtime.json} is looked for. */
  private static final Duration PAUSE = Duration.ofMillis(50);

  /** A runtime that serves: what its {@code runtime.json} says, its log, how long it took. */
  public record Started(RuntimeFile file, Path log, long millis) {}

  private DetachedRuntime() {}

  /**
   * Starts {@code jobs local start --data-dir=DIR OPTIONS...} in a child JVM and waits until the
   * child has written {@code runtime.json}, which it does once it serves.
   */
  public static Started start(Path directory, List<String> options) {
    long began = System.nanoTime();
    Path log = directory.resolve("runtime.log");
    Process child;
    long logStart;
    try {
      Files.createDirectories(directory);
      logStart = Files.exists(log) ? Files.size(log) : 0;
      child =
          new ProcessBuilder(command(directory, options))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice(log)))
              .start();
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "could not start the local runtime: " + e.getMessage(), e);
    }
    Poller poller =
        Poller.every(Clock.systemUTC(), pause -> Thread.sleep(pause.toMillis()), PAUSE)
            .timeout(START_TIMEOUT);
    try {
      RuntimeFile file =
          poller.await(
              new Poller.Wait<RuntimeFile>() {
                @Override
                public Optional<RuntimeFile> poll(Duration waited) {
                  Optional<RuntimeFile> file = RuntimeFile.read(directory);
                  if (file.isPresent() && file.get().pid() == child.pid()) {
                    return file;
                  }
                  if (!child.isAlive()) {
                    throw new JobsException(
                        ExitCode.ERROR,
                        "the local runtime did not start"
                            + reason(log, logStart).map(why -> ": " + why).orElse("")
                            + "; see "
                            + log);
                  }
                  return Optional.empty();
                }

                @Override
                public JobsException timedOut() {
                  child.destroy();
                  return new JobsException(
                      ExitCode.ERROR,
                      "the local runtime did not start within "
                          + START_TIMEOUT.toSeconds()
                          + " s; see "
                          + log);
                }
              });
      return new Started(file, log, (System.nanoTime() - began) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.destroy();
      throw new JobsException(ExitCode.INTERRUPTED, "interrupted starting the local runtime");
    }
  }

  /**
   * Why the child failed: the last {@code jobs: } line it wrote to the log after {@code from}, the
   * one line a failed command prints; empty when it wrote none.
   */
  static Optional<String> reason(Path log, long from) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      int start = (int) Math.min(from, bytes.length);
      String written =
          new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8);
      return written
          .lines()
          .filter(line -> line.startsWith("jobs: "))
          .reduce((first, second) -> second)
          .map(line -> line.substring("jobs: ".length()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> command(Path directory, List<String> options) throws IOException {
    String ownClassPath = classPath();
    String classPath = RuntimeJar.classPathFor(directory, ownClassPath);
    // The copy keeps the jar's name and time, so the cache made for the jar maps for the copy.
    RuntimeJvm jvm =
        classPath.equals(ownClassPath)
            ? RuntimeJvm.current()
            : RuntimeJvm.forJar(Path.of(ownClassPath));
    List<String> command = new ArrayList<>();
    command.add(jvm.java());
    command.addAll(jvm.options());
    command.add("-D" + DETACHED_PROPERTY + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(MainClass.NAME);
    command.add("local");
    command.add("start");
    command.add("--data-dir=" + directory.toAbsolutePath());
    command.addAll(options);
    return command;
  }

  /** Whether this JVM is a detached runtime. */
  public static boolean isDetached() {
    return Boolean.getBoolean(DETACHED_PROPERTY);
  }

  /**
   * In the child: ignore Ctrl-C (SIGINT) and a closed terminal (SIGHUP). Java starts a process in
   * the process group of its parent, so both reach the runtime too while the command that started
   * it still runs in the foreground, such as a {@code jobs submit --wait}. A runtime in the
   * background ends by {@code jobs local stop} (SIGTERM).
   */
  public static void ignoreTerminalSignals() {
    for (String name : List.of("INT", "HUP")) {
      try {
        Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException e) {
        // The JVM keeps this signal to itself here (-Xrs, another OS): it stops the runtime.
      }
    }
  }

  /**
   * This JVM's class path with absolute entries. Under {@code java -jar jobs.jar} it is the jar
   * alone, as given on the command line; the shaded jar holds every class the runtime needs.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static File nullDevice(Path log) {
    File devNull = new File("/dev/null");
    return devNull.exists() ? devNull : log.toFile();
  }
}
