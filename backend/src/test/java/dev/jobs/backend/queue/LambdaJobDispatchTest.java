package dev.jobs.backend.queue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The dispatcher's Invoke, as Lambda receives it, against WireMock standing in for Lambda. */
class LambdaJobDispatchTest {
  private static final String ALIAS = "arn:aws:lambda:eu-west-1:123456789012:function:jobs-p:live";
  private static final String PATH =
      "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Ajobs-p%3Alive"
          + "/invocations";
  private static final String PAYLOAD =
      "{\"id\":\"a\",\"parameters\":{\"seconds\":1},\"queuedAt\":\"2026-11-26T12:00:00Z\"}";

  private WireMockServer lambda;
  private LambdaJobDispatch dispatch;

  @BeforeEach
  void start() {
    lambda = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    lambda.start();
    dispatch =
        new LambdaJobDispatch(
            UrlConnectionHttpClient.create(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
            "eu-west-1",
            URI.create(lambda.baseUrl()),
            ALIAS);
  }

  @AfterEach
  void stop() {
    lambda.stop();
  }

  private void answer(int status, String body) {
    lambda.stubFor(
        post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
  }

  @Test
  void invoke_postsTheEventToTheAliasAsynchronously_signedForLambdaInTheRegion() {
    answer(202, "");

    dispatch.invoke(PAYLOAD);

    List<LoggedRequest> requests = lambda.findAll(postRequestedFor(urlPathEqualTo(PATH)));
    assertThat(requests).hasSize(1);
    LoggedRequest request = requests.get(0);
    assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
    assertThat(request.getHeader("Authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-1/lambda/aws4_request")
        .contains("x-amz-invocation-type");
    assertThat(request.getBodyAsString()).isEqualTo(PAYLOAD);
  }

  @Test
  void invoke_notAccepted_throwsWithLambdasStatusAndAnswer() {
    answer(429, "{\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");

    assertThatThrownBy(() -> dispatch.invoke(PAYLOAD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Lambda answered 429")
        .hasMessageContaining(ALIAS)
        .hasMessageContaining("Rate Exceeded.");
  }

  @Test
  void invoke_lambdaUnreachable_throwsARuntimeException() {
    lambda.stop();

    assertThatThrownBy(() -> dispatch.invoke(PAYLOAD)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void fromEnvironment_findsLambdasEndpointOfTheRegionsPartition() {
    assertThat(
            LambdaJobDispatch.fromEnvironment(
                    Map.of("PROCESSING_FUNCTION", ALIAS, "AWS_REGION", "cn-north-1"))
                .invocations())
        .hasHost("lambda.cn-north-1.amazonaws.com.cn");
  }
}
