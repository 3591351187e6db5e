package dev.jobs.cli.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.cli.core.JobsException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxiesTest {
  static final Map<String, String> PROXIED =
      Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://plain.corp:8080");

  @ParameterizedTest(name = "NO_PROXY={0}: {1} goes {2}")
  @CsvSource({
    "'', https://sts.amazonaws.com, via",
    "amazonaws.com, https://sts.amazonaws.com, direct",
    ".amazonaws.com, https://sts.us-east-1.amazonaws.com, direct",
    "*.amazonaws.com, https://sts.amazonaws.com, direct",
    "mazonaws.com, https://sts.amazonaws.com, via",
    "'example.com, sts.amazonaws.com', https://sts.amazonaws.com, direct",
    "sts.amazonaws.com:8443, https://sts.amazonaws.com, via",
    "sts.amazonaws.com:443, https://sts.amazonaws.com, direct",
    "10.0.0.5, https://10.0.0.5:9000, direct",
    "*, https://sts.amazonaws.com, direct",
  })
  void noProxy_matchesHostsDomainsAndPorts(String noProxy, String url, String route) {
    Proxies proxies =
        Proxies.of(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", noProxy));

    assertThat(proxies.forUri(URI.create(url)).isPresent()).isEqualTo(route.equals("via"));
  }

  @Test
  void theSchemeChoosesTheProxy() {
    Proxies proxies = Proxies.of(PROXIED);

    assertThat(proxies.forUri(URI.create("https://a.example")).get().endpoint())
        .isEqualTo(URI.create("http://proxy.corp:3128"));
    assertThat(proxies.forUri(URI.create("http://a.example")).get().endpoint())
        .isEqualTo(URI.create("http://plain.corp:8080"));
  }

  @Test
  void lowerCase_winsOverUpperCase() {
    Proxies proxies =
        Proxies.of(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:2"));

    assertThat(proxies.forUri(URI.create("https://a.example")).get().endpoint().getHost())
        .isEqualTo("lower");
  }

  @Test
  void loopback_goesDirect_unlessAsked() {
    URI local = URI.create("http://127.0.0.1:4599/");

    assertThat(Proxies.of(PROXIED).forUri(local)).isEmpty();
    assertThat(
            Proxies.of(Map.of("HTTP_PROXY", "http://p:1", "JOBS_PROXY_LOOPBACK", "1"))
                .forUri(local))
        .isPresent();
    assertThat(Proxies.of(PROXIED).forUri(URI.create("http://localhost:4599/"))).isEmpty();
  }

  @Test
  void credentials_areTakenFromTheUrl_decoded_andNeverShown() {
    Proxies.Proxy proxy =
        Proxies.of(Map.of("HTTPS_PROXY", "http://al%40ice:p%3Ass@proxy.corp:3128"))
            .forUri(URI.create("https://a.example"))
            .get();

    assertThat(proxy.username()).isEqualTo("al@ice");
    assertThat(proxy.password()).isEqualTo("p:ss");
    assertThat(proxy.endpoint()).isEqualTo(URI.create("http://proxy.corp:3128"));
    assertThat(proxy.toString()).doesNotContain("p:ss").contains("HTTPS_PROXY");
  }

  @Test
  void aProxyThatIsNoUrl_isAUsageError_withoutTheValue() {
    assertThatThrownBy(() -> Proxies.of(Map.of("HTTPS_PROXY", "ftp://u:secret@proxy:21")))
        .isInstanceOf(JobsException.class)
        .hasMessageContaining("HTTPS_PROXY")
        .hasMessageNotContaining("secret");
  }
}
