package dev.jobs.local.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiGatewayStageTest {
  @Test
  void pathParameter_plainId_isUnchanged() {
    assertThat(ApiGatewayStage.pathParameter("0b7c1f4e-1111-2222-3333-444455556666"))
        .isEqualTo("0b7c1f4e-1111-2222-3333-444455556666");
  }

  @Test
  void pathParameter_percentEscapes_areDecodedAsUtf8() {
    assertThat(ApiGatewayStage.pathParameter("0b7c1f4e%2D1111%2d2222"))
        .isEqualTo("0b7c1f4e-1111-2222");
    assertThat(ApiGatewayStage.pathParameter("a%2Fb")).isEqualTo("a/b");
    assertThat(ApiGatewayStage.pathParameter("price%E2%82%AC")).isEqualTo("price\u20ac");
  }

  @Test
  void pathParameter_plus_staysAPlus() {
    assertThat(ApiGatewayStage.pathParameter("a+b%20c")).isEqualTo("a+b c");
  }

  @Test
  void pathParameter_malformedEscape_isKeptAsSent() {
    assertThat(ApiGatewayStage.pathParameter("a%2")).isEqualTo("a%2");
    assertThat(ApiGatewayStage.pathParameter("a%zz")).isEqualTo("a%zz");
  }
}
