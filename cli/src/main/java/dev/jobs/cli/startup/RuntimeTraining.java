package dev.jobs.cli.startup;

import dev.jobs.cli.app.Jobs;
import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.FileTrees;
import dev.jobs.cli.core.MainClass;
import dev.jobs.cli.local.RuntimeJvm;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The training run of the runtime's AOT cache ({@code jobs-runtime.aot}, read by {@link
 * RuntimeJvm}): a runtime started as {@code jobs local start} starts one, recorded by a JDK 25 or
 * newer, serves the CLI's own commands for a few seconds (mostly {@code submit}, the request a
 * runtime serves most, and the jobs they start, then {@code get}, {@code list} and {@code stats}),
 * and writes the cache as it stops. The commands run in this JVM, as the CLI runs them, so the
 * runtime learns the requests it will be sent.
 */
final class RuntimeTraining {
  /** How long the commands run: a few thousand submits, enough for the JIT's profiles. */
  private static final long LOAD_MILLIS = 6_000;

  private static final int CLIENTS = 3;

  private RuntimeTraining() {}

  /**
   * Trains with {@code java} a runtime run from {@code jar}; writes {@code cache} and its record.
   */
  static void train(Path java, Path jar, Path cache, Path log)
      throws IOException, InterruptedException {
    Path record = Path.of(cache + ".java");
    Files.deleteIfExists(cache);
    Files.deleteIfExists(record);
    // Written beside, then moved: a runtime running with the cache of an earlier build keeps it.
    Path partial = Path.of(cache + ".partial");
    Files.deleteIfExists(partial);
    Path home = Files.createTempDirectory("jobs-runtime-training");
    Path dataDir = ArchiveTraining.localDir(home);
    Process runtime = null;
    try {
      Files.createDirectories(dataDir);
      List<String> command = new ArrayList<>();
      command.add(java.toString());
      command.add("-XX:AOTCacheOutput=" + partial);
      // The options it will run with: a cache made with other GC or heap settings may not map.
      command.addAll(RuntimeJvm.options(AotCache.FEATURE));
      command.addAll(List.of("-cp", jar.toString(), MainClass.NAME, "local", "start"));
      command.addAll(List.of("--data-dir=" + dataDir, "--port=0", "--concurrency=2"));
      runtime =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      awaitServing(runtime, dataDir, log);
      int submitted = load(home);
      runtime.destroy(); // as `jobs local stop` does: the JVM writes the cache as it exits
      if (!runtime.waitFor(5, TimeUnit.MINUTES)) {
        throw new IOException("the trained runtime did not stop; see " + log);
      }
      if (!Files.isRegularFile(partial)) {
        throw new IOException("the trained runtime wrote no AOT cache; see " + log);
      }
      Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(record, java + "\n", StandardCharsets.UTF_8);
      System.out.println(
          "AotCache: " + cache + " for " + java + ", trained on " + submitted + " submits");
    } finally {
      if (runtime != null && runtime.isAlive()) {
        runtime.destroyForcibly();
      }
      Files.deleteIfExists(partial);
      FileTrees.delete(home);
    }
  }

  private static void awaitServing(Process runtime, Path dataDir, Path log)
      throws IOException, InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Optional<RuntimeFile> file = RuntimeFile.read(dataDir);
      if (file.isPresent() && file.get().pid() == runtime.pid()) {
        return;
      }
      if (!runtime.isAlive()) {
        throw new IOException("the runtime to train did not start; see " + log);
      }
      Thread.sleep(50);
    }
    throw new IOException("the runtime to train did not start within 60 s; see " + log);
  }

  /** The CLI's commands from a few threads for {@link #LOAD_MILLIS}; answers the submits made. */
  private static int load(Path home) throws InterruptedException {
    Environment environment =
        new Environment(
            Map.of("JOBS_LOCAL_DIR", ArchiveTraining.localDir(home).toString()),
            home,
            false,
            Clock.systemUTC(),
            duration -> {});
    AtomicInteger submits = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOAD_MILLIS);
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      Thread client =
          new Thread(
              () -> {
                for (int n = 0; System.nanoTime() < until; n++) {
                  String[] command =
                      switch (n % 50) {
                        case 10 -> new String[] {"list"};
                        case 20 -> new String[] {"stats"};
                        case 30 -> new String[] {"get", "training-" + n};
                        default -> new String[] {"submit", "--seconds", "1"};
                      };
                  StringWriter sink = new StringWriter();
                  int exit =
                      Jobs.run(environment, new PrintWriter(sink), new PrintWriter(sink), command);
                  if (command[0].equals("submit") && exit == 0) {
                    submits.incrementAndGet();
                  } else if (command[0].equals("submit") && failure.compareAndSet(null, "")) {
                    failure.set(String.join(" ", command) + ": exit " + exit + ": " + sink);
                  }
                }
              },
              "training-client-" + i);
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    if (submits.get() == 0) {
      throw new IllegalStateException("no submit was accepted: " + failure.get());
    }
    return submits.get();
  }
}
