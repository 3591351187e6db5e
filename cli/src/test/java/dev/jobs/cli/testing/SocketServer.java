package dev.jobs.cli.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Serves the connections to a free 127.0.0.1 port, each one by its handler on a thread of its own:
 * the tests' proxies (what they speak on it is theirs to say). Every thread is a daemon, so that a
 * server a failed test leaves open does not keep the JVM up.
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

  /**
   * Binds a free 127.0.0.1 port and accepts connections on it from now on, each one handled by
   * {@code handler}.
   */
  public static SocketServer onLoopback(String name, Consumer<Socket> handler) throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
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
