package dev.jobs.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.cli.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jobs} behind an HTTP proxy, as the AWS CLI takes one from the environment: the HTTPS calls
 * go through its tunnel, with the credentials of its URL when it wants them, and not for the hosts
 * NO_PROXY names. The API listens on 127.0.0.1, so the tests ask for loopback to be proxied too.
 */
class ProxyTest {
  @RegisterExtension static final HttpsApi api = new HttpsApi();

  @TempDir Path home;

  CliRun jobs() throws Exception {
    return api.jobsIn(home)
        .env("AWS_CA_BUNDLE", api.ca.bundle().toString())
        .env("JOBS_PROXY_LOOPBACK", "1");
  }

  /** get takes the url-connection client, wait the Apache one: a proxied call goes through both. */
  @ParameterizedTest
  @ValueSource(strings = {"get", "wait"})
  void httpsProxy_carriesTheCall_throughItsTunnel(String command) throws Exception {
    try (ConnectProxy proxy = new ConnectProxy(null, null)) {
      CliRun.Result result =
          jobs().env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()).run(command, "job-1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("SUCCEEDED");
      assertThat(proxy.tunnels).containsOnly("127.0.0.1:" + api.server.httpsPort());
    }
  }

  @Test
  void lowerCaseHttpsProxy_isTakenToo() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy(null, null)) {
      CliRun.Result result =
          jobs().env("https_proxy", "127.0.0.1:" + proxy.port()).run("get", "job-1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(proxy.tunnels).isNotEmpty();
    }
  }

  @Test
  void proxyWantingCredentials_getsThoseOfItsUrl_decoded() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy("alice", "p@ss:word")) {
      CliRun.Result result =
          jobs()
              .env("HTTPS_PROXY", "http://alice:p%40ss%3Aword@127.0.0.1:" + proxy.port())
              .run("get", "job-1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(proxy.tunnels).hasSize(1);
    }
  }

  @Test
  void proxyWantingCredentials_withoutThem_isOneLineNaming407() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy("alice", "secret")) {
      CliRun.Result result =
          jobs().env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()).run("get", "job-1");

      assertThat(result.oneLineError(1))
          .startsWith("jobs: ")
          .contains("407")
          .contains("HTTPS_PROXY");
      assertThat(proxy.refused).isNotEmpty();
      assertThat(proxy.tunnels).isEmpty();
    }
  }

  @Test
  void noProxy_namingTheHost_bypassesTheProxy() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy(null, null)) {
      CliRun.Result result =
          jobs()
              .env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port())
              .env("NO_PROXY", "example.com,127.0.0.1")
              .run("get", "job-1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(proxy.tunnels).isEmpty();
    }
  }

  @Test
  void loopback_isNotProxied_unlessAsked() throws Exception {
    try (ConnectProxy proxy = new ConnectProxy(null, null)) {
      CliRun.Result result =
          api.jobsIn(home)
              .env("AWS_CA_BUNDLE", api.ca.bundle().toString())
              .env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port())
              .run("get", "job-1");

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(proxy.tunnels).isEmpty();
    }
  }
}
