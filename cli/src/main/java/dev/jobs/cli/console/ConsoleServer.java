package dev.jobs.cli.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's web server: the JDK's own HTTP server, bound to {@code 127.0.0.1} only, every
 * request through the {@link ConsoleGuard} first, then to its page. The pages answer from the
 * session's clients on this side; the browser gets HTML, one style sheet and one script.
 */
public final class ConsoleServer implements AutoCloseable {
  /** The largest form a POST may send: a re-drive's thousand ids fit many times over. */
  static final int MOST_FORM_BYTES = 1 << 20;

  /** Enough for the pages' reads while a re-drive runs, and few enough for a 2-core laptop. */
  private static final int THREADS = 4;

  private static final Pattern JOB = Pattern.compile("/jobs/([^/]+)");
  private static final Pattern JOB_ACTION = Pattern.compile("/jobs/([^/]+)/(cancel|redrive)");
  private static final Map<String, String> STATIC =
      Map.of(
          "/static/console.css", "text/css; charset=utf-8",
          "/static/console.js", "text/javascript; charset=utf-8",
          "/static/uPlot.min.css", "text/css; charset=utf-8",
          "/static/uPlot.iife.min.js", "text/javascript; charset=utf-8");

  /**
   * Where the uPlot webjar keeps its files; its version comes from the build (uplot.properties).
   */
  private static final String UPLOT =
      "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";

  private final Console console;
  private final HttpServer server;
  private final ExecutorService threads;
  private final ConsoleGuard guard;
  private final Map<String, byte[]> files;

  private ConsoleServer(Console console, HttpServer server, ExecutorService threads) {
    this.console = console;
    this.server = server;
    this.threads = threads;
    this.guard = ConsoleGuard.fresh(server.getAddress().getPort());
    this.files =
        Map.of(
            "/static/console.css", resource("console.css"),
            "/static/console.js", resource("console.js"),
            "/static/uPlot.min.css", resource(UPLOT + "uPlot.min.css"),
            "/static/uPlot.iife.min.js", resource(UPLOT + "uPlot.iife.min.js"));
  }

  /** The JDK server's switch for {@code TCP_NODELAY} on the connections it accepts. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  /**
   * Starts the console on {@code 127.0.0.1:port} (0: a free port).
   *
   * @throws JobsException when the port is taken
   */
  public static ConsoleServer start(Console console, int port) {
    // The JDK's server leaves Nagle's algorithm on: a page written in two parts then waits for
    // the browser's delayed ACK, 40 ms on Linux (the jobs page took 72 ms, 22 ms without it). Read
    // once, when the JDK's server first starts in this process.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    HttpServer server;
    InetAddress loopback;
    try {
      loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
    } catch (IOException e) {
      throw new JobsException(
          ExitCode.ERROR, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, new DaemonThreads("console"));
    ConsoleServer started = new ConsoleServer(console, server, threads);
    server.setExecutor(threads);
    server.createContext("/", started::exchange);
    server.start();
    return started;
  }

  /** The URL to open: its token is traded for the cookie on the first visit. */
  public String url() {
    return guard.url();
  }

  /** Where the server listens: {@code 127.0.0.1} and its port. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      reply = answer(exchange);
    } catch (RuntimeException e) {
      reply = error(500, "the console failed: " + e);
    }
    try (exchange) {
      ConsoleGuard.HEADERS.forEach(exchange.getResponseHeaders()::set);
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(
          reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
      if (!head && reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private Reply answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, List<String>> form = Map.of();
    if ("POST".equals(method)) {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
        return error(415, "a POST sends a form (application/x-www-form-urlencoded)");
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MOST_FORM_BYTES + 1);
      }
      if (body.length > MOST_FORM_BYTES) {
        return error(413, "the form is larger than " + MOST_FORM_BYTES + " bytes");
      }
      form = Request.parameters(new String(body, StandardCharsets.UTF_8));
    }
    Request request =
        new Request(
            method,
            exchange.getRequestURI().getPath(),
            Request.parameters(exchange.getRequestURI().getRawQuery()),
            exchange.getRequestHeaders(),
            form);
    Optional<Reply> refused = guard.check(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    try {
      return route(request);
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (JobsException e) {
      return error(e.exitCode() == ExitCode.USAGE ? 400 : 502, e.getMessage());
    }
  }

  private Reply route(Request request) {
    String path = request.path();
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    if (STATIC.containsKey(path)) {
      return read ? Reply.of(200, STATIC.get(path), files.get(path)) : notAllowed();
    }
    Matcher action = JOB_ACTION.matcher(path);
    if (action.matches()) {
      if (!request.post()) {
        return notAllowed();
      }
      String id = action.group(1);
      if (!JobsClient.isJobId(id)) {
        throw new BadRequest(JobsClient.notAJobId(id));
      }
      // Only a job that exists: the API's cancel of an unknown id would record one CANCELLED.
      if (!console.api().get(id).found()) {
        return error(404, "job " + id + " not found");
      }
      String outcome =
          action.group(2).equals("cancel")
              ? JobView.cancel(console, id)
              : JobView.redrive(console, id);
      return Reply.seeOther("/jobs/" + id + "?outcome=" + outcome);
    }
    if (path.equals("/failures/redrive")) {
      return request.post() ? page(request, FailuresView.redrive(console, request)) : notAllowed();
    }
    if (!read) {
      return notAllowed();
    }
    Matcher job = JOB.matcher(path);
    if (job.matches()) {
      String id = job.group(1);
      if (!JobsClient.isJobId(id)) {
        throw new BadRequest(JobsClient.notAJobId(id));
      }
      Layout.Page page = JobView.page(console, request, id, guard.csrf());
      return page == null ? error(404, "job " + id + " not found") : page(request, page);
    }
    return switch (path) {
      case "/" -> page(request, JobsView.page(console, request));
      case "/failures" -> page(request, FailuresView.page(console, request));
      case "/failures/preview" ->
          page(request, FailuresView.preview(console, request, guard.csrf()));
      case "/health" -> page(request, HealthView.page(console, request));
      // The browser asks for it on every page; nothing, rather than a 404 in its console.
      case "/favicon.ico" -> Reply.of(204, "image/x-icon", new byte[0]);
      default -> error(404, "no page at " + path);
    };
  }

  /** The whole page, or its live part alone when the script asks for the fragment. */
  private Reply page(Request request, Layout.Page page) {
    if (!request.header(Layout.FRAGMENT_HEADER).isEmpty()) {
      return Reply.html(200, page.live())
          .with(Layout.REFRESH_HEADER, Integer.toString(page.refreshMillis()));
    }
    return Reply.html(200, Layout.render(page, console.target()));
  }

  private Reply error(int status, String message) {
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 413 -> "Form too large";
          case 415 -> "Unsupported form";
          case 502 -> "The target answered with an error";
          default -> "Console error";
        };
    Layout.Page page =
        new Layout.Page(title, "", "", "<p class=\"error\">" + Html.text(message) + "</p>", 0);
    return Reply.html(status, Layout.render(page, console.target()));
  }

  private static Reply notAllowed() {
    return Reply.of(
        405,
        "text/plain; charset=utf-8",
        "405 Method Not Allowed\n".getBytes(StandardCharsets.UTF_8));
  }

  private static String uplotVersion() {
    Properties properties = new Properties();
    try {
      properties.load(new ByteArrayInputStream(resource("uplot.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("uplot.version");
  }

  private static byte[] resource(String name) {
    try (InputStream in = ConsoleServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the console's " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
