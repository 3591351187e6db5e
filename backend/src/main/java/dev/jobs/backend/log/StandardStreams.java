package dev.jobs.backend.log;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standard output and error, taken over once per process so that what a job writes there directly
 * ({@code System.out.println}, a library's console output, a stack trace) becomes lines of that
 * job's log, each one event with the logger {@code stdout} or {@code stderr}. Which job a write
 * belongs to is the writing thread's: the thread running the job, and the threads it starts
 * (inherited), while the attempt runs. Everything else passes through unchanged.
 *
 * <p>The thread decides, not the time, because the local runtime runs many attempts at once in one
 * JVM; in Lambda one invocation runs at a time, and this changes nothing but the lines' form.
 */
public final class StandardStreams {
  private static final InheritableThreadLocal<Capture> CAPTURE = new InheritableThreadLocal<>();
  private static PrintStream originalOut;
  private static PrintStream originalErr;

  private StandardStreams() {}

  /** Takes over {@code System.out} and {@code System.err}, once. */
  public static synchronized void install() {
    if (originalOut != null) {
      return;
    }
    originalOut = System.out;
    originalErr = System.err;
    Charset charset = Charset.defaultCharset();
    System.setOut(new PrintStream(new Routing(originalOut, true), true, charset));
    System.setErr(new PrintStream(new Routing(originalErr, false), true, charset));
  }

  /**
   * Writes a line to standard output as it was before {@link #install}: where a function's job log
   * lines go, whole, never interleaved with another's.
   */
  public static void printOut(String line) {
    print(line, true);
  }

  /** Writes a line to standard error as it was before {@link #install}. */
  public static void printErr(String line) {
    print(line, false);
  }

  private static void print(String line, boolean toOut) {
    PrintStream stream;
    synchronized (StandardStreams.class) {
      install();
      stream = toOut ? originalOut : originalErr;
    }
    synchronized (stream) {
      stream.println(line);
      stream.flush();
    }
  }

  /**
   * Makes this thread's writes to standard output and error, and those of the threads it starts,
   * lines of {@code log} until the capture is closed; a last line without its line break is kept on
   * close.
   */
  public static Capture capture(JobLogger log) {
    install();
    Capture capture = new Capture(log.named("stdout"), log.named("stderr"));
    CAPTURE.set(capture);
    return capture;
  }

  /** One attempt's capture. */
  public static final class Capture implements AutoCloseable {
    private final JobLogger stdout;
    private final JobLogger stderr;
    private final Map<Thread, ByteArrayOutputStream> outLines = new ConcurrentHashMap<>();
    private final Map<Thread, ByteArrayOutputStream> errLines = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Capture(JobLogger stdout, JobLogger stderr) {
      this.stdout = stdout;
      this.stderr = stderr;
    }

    private void write(boolean out, byte[] bytes, int offset, int length) {
      Map<Thread, ByteArrayOutputStream> lines = out ? outLines : errLines;
      ByteArrayOutputStream line =
          lines.computeIfAbsent(Thread.currentThread(), t -> new ByteArrayOutputStream());
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          emit(out, line);
        } else {
          line.write(bytes[i]);
        }
      }
    }

    private void emit(boolean out, ByteArrayOutputStream line) {
      String text = line.toString(Charset.defaultCharset());
      line.reset();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (out) {
        stdout.log(System.Logger.Level.INFO, text);
      } else {
        stderr.log(System.Logger.Level.ERROR, text);
      }
    }

    @Override
    public void close() {
      closed = true;
      if (CAPTURE.get() == this) {
        CAPTURE.remove();
      }
      outLines.values().stream().filter(b -> b.size() > 0).forEach(b -> emit(true, b));
      errLines.values().stream().filter(b -> b.size() > 0).forEach(b -> emit(false, b));
    }
  }

  /** Sends a write to the writing thread's capture, or to the original stream. */
  private static final class Routing extends OutputStream {
    private final PrintStream original;
    private final boolean out;

    Routing(PrintStream original, boolean out) {
      this.original = original;
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      Capture capture = CAPTURE.get();
      if (capture == null || capture.closed) {
        original.write(bytes, offset, length);
      } else {
        capture.write(out, bytes, offset, length);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
