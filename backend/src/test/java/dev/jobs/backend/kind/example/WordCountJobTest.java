package dev.jobs.backend.kind.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobRequest;
import dev.jobs.backend.job.JobRequests;
import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.testing.TestJobContext;
import dev.jobs.kind.InvalidJobException;
import org.junit.jupiter.api.Test;

/** How a user tests a job kind of their own: found by the ServiceLoader, validated, run. */
class WordCountJobTest {
  private final JobRequests requests = new JobRequests(JobKinds.load());

  @Test
  void theServiceLoaderFindsTheKindBesideTheBuiltInOnes() {
    assertThat(JobKinds.load().names()).contains("sleep", "word-count");
  }

  @Test
  void countsTheWordsOfTheText() throws Exception {
    JobRequest request = requests.parse("{\"type\": \"word-count\", \"text\": \" to be or not \"}");

    var result = request.kind().run(request.parameters(), TestJobContext.first());

    assertThat(result.get("words").asInt()).isEqualTo(4);
  }

  @Test
  void rejectsAMissingText() {
    assertThatThrownBy(() -> requests.parse("{\"type\": \"word-count\"}"))
        .isInstanceOf(InvalidJobException.class)
        .hasMessage("'text' is required and must be a string");
  }

  @Test
  void rejectsAFieldOfAnotherKind() {
    assertThatThrownBy(
            () -> requests.parse("{\"type\": \"word-count\", \"text\": \"a\", \"seconds\": 1}"))
        .isInstanceOf(InvalidJobException.class)
        .hasMessage("unknown field 'seconds' for job type 'word-count'");
  }
}
