package dev.jobs.cli.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Serves the connections a server socket accepts, each one by its handler on a thread of its own:
 * the tests' proxies, which bind the socket themselves (what they speak on it is theirs to say).
 * Every thread is a daemon, so that a server a failed test leaves open does not keep the JVM up.
 */
public final class SocketServer implements AutoCloseable {
  private final ServerSocket socket;
  private final String name;
  private final Consumer<Socket> handler;

  private SocketServer(ServerSocket socket, String name, Consumer<Socket> handler) {
    this.socket = socket;
    this.name = name;
    this.handler = handler;
  }

  /** Accepts connections on {@code socket} from now on, each one handled by {@code handler}. */
  public static SocketServer start(ServerSocket socket, String name, Consumer<Socket> handler) {
    SocketServer server = new SocketServer(socket, name, handler);
    daemon(name, server::accept);
    return server;
  }

  /** Runs {@code work} on a started daemon thread named {@code name}. */
  public static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        daemon(name + "-client", () -> handler.accept(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
