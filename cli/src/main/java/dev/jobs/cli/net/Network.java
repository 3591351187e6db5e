package dev.jobs.cli.net;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a command's HTTP calls reach the network: the timeouts, the proxies, and the extra CAs to
 * trust. The CAs are read on the first HTTPS connection only, so a {@code jobs get} against the
 * local runtime reads no bundle and no profile file for them.
 */
public final class Network {
  /**
   * The AWS CLI's default for both {@code --cli-connect-timeout} and {@code --cli-read-timeout}.
   */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Proxies proxies;
  private final Supplier<Optional<TrustedCas>> trustSource;
  private Optional<TrustedCas> trust;

  public Network(
      Duration connectTimeout,
      Duration readTimeout,
      Proxies proxies,
      Supplier<Optional<TrustedCas>> trust) {
    this.connectTimeout = connectTimeout == null ? DEFAULT_TIMEOUT : connectTimeout;
    this.readTimeout = readTimeout == null ? DEFAULT_TIMEOUT : readTimeout;
    this.proxies = proxies;
    this.trustSource = trust;
  }

  /** The defaults: 60 s timeouts, no proxy, the JRE's CAs. */
  public static Network defaults() {
    return new Network(null, null, Proxies.NONE, Optional::empty);
  }

  /** 0 waits forever, as with the AWS CLI. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Proxies proxies() {
    return proxies;
  }

  /** The JRE's CAs and a bundle's, when one is given; empty means the JRE's alone. */
  public synchronized Optional<TrustedCas> trust() {
    if (trust == null) {
      trust = trustSource.get();
    }
    return trust;
  }

  public int connectTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
  }

  public int readTimeoutMillis() {
    return (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
  }
}
