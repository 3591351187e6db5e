package dev.jobs.cli.local;

import dev.jobs.cli.core.Environment;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import dev.jobs.local.RuntimeFile;
import dev.jobs.local.RuntimeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Starts the local runtime for a job command that needs it and finds none, as {@code jobs local
 * start --detach} does with its defaults, and says so in one line on stderr (not with {@code
 * --quiet}). {@code JOBS_LOCAL_AUTOSTART=0} turns it off.
 *
 * <p>Two commands may find no runtime at once. A lock on {@code <data-dir>/start.lock} held around
 * the check and the start makes the second wait, then find the first one's runtime and use it.
 *
 * @param err where the one line goes
 * @param quiet whether to leave that line out ({@code --quiet})
 */
public record AutoStart(Environment environment, PrintWriter err, boolean quiet) {
  public static final String VARIABLE = "JOBS_LOCAL_AUTOSTART";
  public static final String PORT_VARIABLE = "JOBS_LOCAL_PORT";
  private static final String LOCK_FILE = "start.lock";

  /** Off when {@code JOBS_LOCAL_AUTOSTART} is 0, false, no or off; on when unset. */
  public boolean enabled() {
    String value = environment.get(VARIABLE).orElse("1").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "0", "false", "no", "off" -> false;
      case "1", "true", "yes", "on" -> true;
      default ->
          throw new JobsException(
              ExitCode.USAGE,
              VARIABLE + " must be 1 (start the local runtime) or 0, not '" + value + "'");
    };
  }

  /** Makes sure a runtime serves for the data directory, starting one unless one runs by now. */
  public void ensureRunning(Path dataDir) {
    Path lockFile = dataDir.resolve(LOCK_FILE);
    try {
      Files.createDirectories(dataDir);
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (RuntimeFile.read(dataDir).filter(RuntimeFile::isAlive).isPresent()) {
          return; // another command started it while this one waited for the lock
        }
        DetachedRuntime.Started started =
            DetachedRuntime.start(dataDir, List.of("--port=" + port()));
        if (!quiet) {
          err.println(
              "jobs: started the local runtime at "
                  + started.file().endpoint()
                  + " (pid "
                  + started.file().pid()
                  + "); 'jobs local stop' ends it");
          err.flush();
        }
      }
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR,
          "could not lock " + lockFile + " to start the local runtime: " + e.getMessage(),
          e);
    }
  }

  /**
   * {@code JOBS_LOCAL_PORT} when set (0 for a free port); else the default port, or a free one when
   * another program holds it: the commands find the port in {@code runtime.json} anyway.
   */
  int port() {
    String variable = environment.get(PORT_VARIABLE).orElse(null);
    if (variable == null) {
      return available(RuntimeOptions.DEFAULT_PORT) ? RuntimeOptions.DEFAULT_PORT : 0;
    }
    try {
      int port = Integer.parseInt(variable);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new JobsException(
        ExitCode.USAGE,
        PORT_VARIABLE + " must be a port number, 0 to 65535, not '" + variable + "'");
  }

  private static boolean available(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
