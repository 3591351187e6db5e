package dev.jobs.cli.local;

import dev.jobs.cli.ExitCode;
import dev.jobs.local.RuntimeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jobs local status}: whether the runtime runs, and where. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Say whether the local runtime is running, and where (exit code 6 when not).")
public final class LocalStatus implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption dataDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path directory = dataDir.resolve();
    Optional<RuntimeFile> file = RuntimeFile.read(directory);
    if (file.isEmpty() || !file.get().isAlive() || !listening(file.get().endpoint())) {
      out.println("not running (data: " + directory + ")");
      return ExitCode.NOT_FOUND;
    }
    out.println("running at " + file.get().endpoint() + " (pid " + file.get().pid() + ")");
    out.println("  region:        " + file.get().region());
    out.println("  access key id: " + file.get().accessKeyId());
    out.println("  data:          " + directory);
    return ExitCode.OK;
  }

  private static boolean listening(String endpoint) {
    URI uri = URI.create(endpoint);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
