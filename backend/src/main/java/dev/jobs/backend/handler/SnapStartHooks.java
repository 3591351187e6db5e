package dev.jobs.backend.handler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.crac.Core;
import org.crac.Resource;

/**
 * What the handlers do at SnapStart's runtime hooks. Only the Lambda constructors register: the
 * local runtime takes no snapshot, and its handlers never prime.
 */
final class SnapStartHooks {
  /** Where the build writes each handler's list (see {@code FirstRequestClasses} in the tests). */
  static final String PRELOAD_DIRECTORY = "preload/";

  /** The priming of a handler built for a runtime that takes no snapshot: none, and no preload. */
  static final Runnable NONE = () -> {};

  private SnapStartHooks() {}

  /**
   * Registers a handler's hooks. The runtime's context holds resources weakly: the handler, which
   * Lambda keeps for the life of the process, is the resource.
   */
  static void register(Resource handler) {
    Core.getGlobalContext().register(handler);
  }

  /**
   * Runs a handler's priming, then loads the rest of the classes its first request loads. A failed
   * priming is logged and the snapshot taken without it: a restored copy then pays what it would
   * have without priming, and no more.
   *
   * @return how many classes of the list were loaded
   */
  static int beforeCheckpoint(Class<?> handler, Runnable priming) {
    if (priming == NONE) {
      return 0;
    }
    long start = System.nanoTime();
    try {
      priming.run();
    } catch (RuntimeException e) {
      System.err.println(
          handler.getSimpleName() + ": priming failed, the snapshot goes without it: " + e);
    }
    int loaded = preload(handler);
    System.err.printf(
        "%s: primed and %d classes preloaded in %d ms%n",
        handler.getSimpleName(), loaded, (System.nanoTime() - start) / 1_000_000);
    return loaded;
  }

  /**
   * Nothing of the backend's must differ between restored copies: it makes no random values, ids or
   * seeds at initialization (a job's id is API Gateway's request id). The SDK's own are
   * restore-safe: its invocation ids come from {@code UUID.randomUUID}, whose {@code SecureRandom}
   * AWS documents as restore-safe in its Java runtimes, and the container credentials it caches
   * carry their expiry, past which it fetches new ones; the HTTP connection the priming opened is
   * past its keep-alive after a restore and not reused. Kept as a hook, empty and instant, for what
   * a later change adds.
   */
  static void afterRestore() {}

  /**
   * Loads the classes listed for a handler, and initializes the SDK's service model among them (see
   * {@link #initializes}). A class that is not there (the list comes from the build's class path)
   * is skipped.
   */
  static int preload(Class<?> handler) {
    InputStream list = handler.getResourceAsStream(listName(handler));
    if (list == null) {
      return 0;
    }
    int loaded = 0;
    ClassLoader loader = handler.getClassLoader();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8))) {
      for (String name = lines.readLine(); name != null; name = lines.readLine()) {
        if (name.isBlank()) {
          continue;
        }
        try {
          Class.forName(name.trim(), initializes(name.trim()), loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          // Not on this function's class path: nothing to load.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loaded;
  }

  /**
   * Whether preloading initializes a class. Only the SDK's generated service model and marshallers:
   * their static initializers describe the fields of a request (in {@code UpdateItemRequest}, some
   * 30 lambdas, the largest part of a primed first event), and depend on nothing of the process.
   * Any other class is initialized by the code, in its order: a static initializer run early could
   * fail, and leave its class unusable after the restore.
   */
  static boolean initializes(String className) {
    return className.startsWith("software.amazon.awssdk.services.");
  }

  /** The resource name of a handler's list, relative to its package. */
  static String listName(Class<?> handler) {
    return PRELOAD_DIRECTORY + handler.getSimpleName() + ".classes";
  }
}
