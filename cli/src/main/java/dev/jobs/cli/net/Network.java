package dev.jobs.cli.net;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a command's HTTP calls reach the network: the timeouts, the proxies, and the extra CAs to
 * trust. The CAs are read on the first HTTPS connection only, so a {@code jobs get} against the
 * local runtime reads no bundle and no profile file for them.
 */
public record Network(
    Duration connectTimeout,
    Duration readTimeout,
    Proxies proxies,
    Supplier<Optional<TrustedCas>> trustSource) {
  /**
   * The AWS CLI's default for both {@code --cli-connect-timeout} and {@code --cli-read-timeout}.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A null timeout is the default one; 0 waits forever, as with the AWS CLI. The CAs are read once,
   * on first use.
   */
  public Network {
    connectTimeout = connectTimeout == null ? DEFAULT_TIMEOUT : connectTimeout;
    readTimeout = readTimeout == null ? DEFAULT_TIMEOUT : readTimeout;
    trustSource = new ReadOnce<>(trustSource);
  }

  /** The defaults: 60 s timeouts, no proxy, the JRE's CAs. */
  public static Network defaults() {
    return new Network(null, null, Proxies.NONE, Optional::empty);
  }

  /** The JRE's CAs and a bundle's, when one is given; empty means the JRE's alone. */
  public Optional<TrustedCas> trust() {
    return trustSource.get();
  }

  public int connectTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
  }

  public int readTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
  }

  /** A source asked once; HTTP clients of one command may share the answer across threads. */
  private static final class ReadOnce<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;

    ReadOnce(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
  }
}
