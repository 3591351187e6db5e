package dev.jobs.cli.session;

import dev.jobs.cli.net.Network;
import dev.jobs.cli.net.Proxies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The one place that chooses the HTTP client of a command's calls, AWS's and the jobs API's alike.
 *
 * <ul>
 *   <li>The long-running commands ({@link Workload#LONG_RUNNING}: deploy, destroy, wait, replay,
 *       console) use the SDK's Apache client: one pool of connections, reused across the many calls
 *       of a deploy's uploads and polls, or of the pages a console serves.
 *   <li>The one-shot commands ({@link Workload#ONE_SHOT}: get, submit, list, logs, stats, target,
 *       replays, alarms) use the url-connection client: it loads fewer classes and builds no SSL
 *       context up front, which is measurable in a process that lives a fraction of a second (see
 *       the benchmarks). {@code stats} is one call of {@code GET /jobs/stats}: the Apache client,
 *       kept from when it read every page of the window, loaded 300 classes of Apache's and built a
 *       TLS context for the local runtime's plain HTTP, a second of its start under load.
 *   <li>A call that goes through a proxy uses the Apache client whatever the command: it answers a
 *       proxy's Basic challenge on an HTTPS tunnel, which {@code HttpURLConnection} does only when
 *       a process-wide JDK property allows it.
 * </ul>
 */
public final class HttpClients {
  /** How a command uses the network. */
  public enum Workload {
    /** One or two requests, where start-up time is most of the command's time. */
    ONE_SHOT,
    /** Many requests over seconds or minutes, where a reused pool pays. */
    LONG_RUNNING;

    private static final Set<String> LONG =
        Set.of("deploy", "destroy", "wait", "replay", "console");

    /** The workload of a command, by its name under {@code jobs} (such as {@code "deploy"}). */
    public static Workload of(String command) {
      return LONG.contains(command) ? LONG_RUNNING : ONE_SHOT;
    }
  }

  private HttpClients() {}

  /** A client for one command: built once per command and shared by its SDK clients. */
  public static SdkHttpClient create(Network network, Workload workload) {
    return new Transport(network, workload);
  }

  /** Routes each request: through its proxy's Apache client, or to the workload's direct one. */
  private static final class Transport implements SdkHttpClient {
    private final Network network;
    private final Workload workload;
    private final Map<Proxies.Proxy, SdkHttpClient> proxied = new HashMap<>();
    private SdkHttpClient direct;

    Transport(Network network, Workload workload) {
      this.network = network;
      this.workload = workload;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      Optional<Proxies.Proxy> proxy = network.proxies().forUri(request.httpRequest().getUri());
      return (proxy.isPresent() ? proxied(proxy.get()) : direct()).prepareRequest(request);
    }

    private synchronized SdkHttpClient direct() {
      if (direct == null) {
        direct = workload == Workload.ONE_SHOT ? urlConnection(network) : apache(network, null);
      }
      return direct;
    }

    private synchronized SdkHttpClient proxied(Proxies.Proxy proxy) {
      return proxied.computeIfAbsent(proxy, p -> apache(network, p));
    }

    /** The direct client's name, which the SDK puts in the User-Agent ({@code md/http#Apache}). */
    @Override
    public String clientName() {
      return workload == Workload.ONE_SHOT ? "UrlConnection" : "Apache";
    }

    @Override
    public synchronized void close() {
      if (direct != null) {
        direct.close();
      }
      proxied.values().forEach(SdkHttpClient::close);
    }
  }

  private static SdkHttpClient apache(Network network, Proxies.Proxy proxy) {
    // The SDK would read the JDK's proxy properties and the environment itself; here Proxies has
    // decided already, NO_PROXY and the loopback rule included.
    ProxyConfiguration.Builder proxyConfiguration =
        ProxyConfiguration.builder()
            .useSystemPropertyValues(false)
            .useEnvironmentVariableValues(false);
    if (proxy != null) {
      proxyConfiguration.endpoint(proxy.endpoint());
      if (proxy.username() != null) {
        proxyConfiguration.username(proxy.username()).password(proxy.password());
      }
    }
    ApacheHttpClient.Builder builder =
        ApacheHttpClient.builder()
            .connectionTimeout(network.connectTimeout())
            .socketTimeout(network.readTimeout())
            .proxyConfiguration(proxyConfiguration.build());
    network.trust().ifPresent(trust -> builder.tlsTrustManagersProvider(trust::trustManagers));
    return builder.build();
  }

  private static SdkHttpClient urlConnection(Network network) {
    // Through a connection factory the client builds no SSL context up front: the local runtime
    // speaks plain HTTP, and loading the trust store would cost a jobs get ~70 ms.
    return UrlConnectionHttpClient.create(
        uri -> {
          try {
            // NO_PROXY: a proxied request never comes here (see Transport).
            HttpURLConnection connection =
                (HttpURLConnection) uri.toURL().openConnection(java.net.Proxy.NO_PROXY);
            connection.setConnectTimeout(network.connectTimeoutMillis());
            connection.setReadTimeout(network.readTimeoutMillis());
            if (connection instanceof HttpsURLConnection https) {
              network
                  .trust()
                  .ifPresent(
                      trust -> https.setSSLSocketFactory(trust.context().getSocketFactory()));
            }
            return connection;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
