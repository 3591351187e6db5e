package dev.jobs.cli.net;

import dev.jobs.cli.testing.SocketServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy that only tunnels ({@code CONNECT host:port}), on a free 127.0.0.1 port; with
 * credentials set it answers 407 to a {@code CONNECT} without them, as a corporate proxy does.
 */
final class ConnectProxy implements AutoCloseable {
  private final SocketServer server;
  private final String credentials;

  /** The {@code host:port} of every tunnel opened. */
  final List<String> tunnels = new CopyOnWriteArrayList<>();

  /** How many {@code CONNECT}s were refused for want of credentials. */
  final List<String> refused = new CopyOnWriteArrayList<>();

  /**
   * @param user the user to require, or null for none
   */
  ConnectProxy(String user, String password) throws IOException {
    this.credentials =
        user == null
            ? null
            : Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.server = SocketServer.onLoopback("connect-proxy", this::serve);
  }

  int port() {
    return server.port();
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        List<String> head = readHead(in);
        if (head.isEmpty()) {
          return;
        }
        String[] requestLine = head.get(0).split(" ");
        if (!requestLine[0].equals("CONNECT")) {
          out.write(answer("405 Method Not Allowed"));
          return;
        }
        if (credentials != null && !head.contains("proxy-authorization: basic " + credentials)) {
          refused.add(requestLine[1]);
          out.write(
              answer(
                  "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"test\""));
          out.flush();
          continue;
        }
        String[] hostPort = requestLine[1].split(":");
        try (Socket target = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
          tunnels.add(requestLine[1]);
          out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread upstream = pump(in, target.getOutputStream());
          pump(target.getInputStream(), out).join();
          upstream.join(1000);
        }
        return;
      }
    } catch (IOException | InterruptedException e) {
      // The client or the target went away: the tunnel ends.
    }
  }

  /** The request line and the headers, the header names in lower case; empty at end of stream. */
  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        if (lines.isEmpty()) {
          lines.add(text);
        } else {
          int colon = text.indexOf(':');
          lines.add(
              colon < 0
                  ? text
                  : text.substring(0, colon).toLowerCase(Locale.ROOT)
                      + ": "
                      + text.substring(colon + 1).strip().replaceFirst("(?i)^basic ", "basic "));
        }
      } else {
        line.write(b);
      }
    }
    return List.of();
  }

  private static byte[] answer(String status, String... headers) {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    text.append("Content-Length: 0\r\n\r\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Thread pump(InputStream from, OutputStream to) {
    return SocketServer.daemon(
        "connect-proxy-pump",
        () -> {
          try {
            from.transferTo(to);
            to.flush();
          } catch (IOException e) {
            // One side closed.
          }
        });
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
