package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.local.ApiClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** {@code GET /prod/jobs} on a running local runtime, through signed HTTP as the CLI calls it. */
class ListJobsIT {
  @RegisterExtension
  static final RunningRuntime local = RunningRuntime.failingFast(0, UnaryOperator.identity());

  static Instant since;
  static List<String> succeeded = new ArrayList<>();
  static String failed;

  @BeforeAll
  static void submitJobs() {
    since = Instant.now().minusSeconds(1);
    for (int i = 0; i < 3; i++) {
      String id = local.api().submit("{\"type\":\"noop\"}").body().get("id").asString();
      local.api().awaitTerminal(id, Duration.ofSeconds(10));
      succeeded.add(0, id); // newest first
    }
    failed = local.api().submit("{\"type\":\"flaky\",\"failures\":1}").body().get("id").asString();
    local.api().awaitTerminal(failed, Duration.ofSeconds(10));
  }

  private static String since() {
    return "since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
  }

  private static List<String> ids(Response response) {
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response.body().get("jobs").findValuesAsString("id");
  }

  @Test
  void list_noParameters_isTheLastDayNewestFirst_eachRecordAsGetAnswersIt() {
    Response response = local.api().list("");

    List<String> expected = new ArrayList<>();
    expected.add(failed);
    expected.addAll(succeeded);
    assertThat(ids(response)).containsExactlyElementsOf(expected);
    for (JsonNode job : response.body().get("jobs")) {
      assertThat(job.toString()).isEqualTo(local.api().get(job.get("id").asString()).text());
    }
    assertThat(response.body().has("next")).isFalse();
  }

  @Test
  void list_byStatus_listsThatStatusAlone() {
    assertThat(ids(local.api().list("status=FAILED&" + since()))).containsExactly(failed);
    assertThat(ids(local.api().list("status=SUCCEEDED&" + since())))
        .containsExactlyElementsOf(succeeded);
    assertThat(local.api().list("status=RUNNING&" + since()).text()).isEqualTo("{\"jobs\":[]}");
  }

  @Test
  void list_pageByPage_followsTheNextToken() {
    Response first = local.api().list("status=SUCCEEDED&limit=2&" + since());
    String next = first.body().get("next").asString();
    Response second = local.api().list("status=SUCCEEDED&limit=2&" + since() + "&next=" + next);

    assertThat(ids(first)).containsExactlyElementsOf(succeeded.subList(0, 2));
    assertThat(ids(second)).containsExactly(succeeded.get(2));
    assertThat(second.body().has("next")).isFalse();
  }

  @Test
  void list_badParameter_answers400NamingIt() {
    Response status = local.api().list("status=failed");
    Response limit = local.api().list("limit=500");
    Response next = local.api().list("next=eyJ2IjoxfQ");
    Response window = local.api().list("since=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z");

    assertThat(status.status()).isEqualTo(400);
    assertThat(status.text())
        .isEqualTo(
            "{\"message\":\"status: must be QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED\"}");
    assertThat(limit.text()).isEqualTo("{\"message\":\"limit: must be an integer from 1 to 100\"}");
    assertThat(next.text()).isEqualTo("{\"message\":\"next: not a token from this API\"}");
    assertThat(window.body().get("message").asString()).startsWith("since: ");
  }

  @Test
  void list_percentEncodedParameters_areDecoded() {
    assertThat(ids(local.api().list("status=FAIL%45D&" + since()))).containsExactly(failed);
  }
}
