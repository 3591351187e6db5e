package dev.jobs.backend.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.kind.JobKinds;
import dev.jobs.backend.kind.SleepJob;
import dev.jobs.kind.InvalidJobException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobRequestsTest {
  private final JobRequests requests = new JobRequests(JobKinds.of(new SleepJob()));

  @Test
  void aSleepRequestWithoutTypeIsASleepJob() {
    JobRequest request = requests.parse("{\"seconds\": 5}");

    assertThat(request.type()).isEqualTo("sleep");
    assertThat(request.parameters().get("seconds").asInt()).isEqualTo(5);
  }

  @Test
  void anExplicitSleepTypeIsAccepted() {
    assertThat(requests.parse("{\"type\": \"sleep\", \"seconds\": 900}").type()).isEqualTo("sleep");
  }

  @Test
  void aWholeNumberWrittenAsDecimalIsAnInteger() {
    assertThat(requests.parse("{\"seconds\": 2.0}").type()).isEqualTo("sleep");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing seconds       | {}                                  | 'seconds' is required
          null seconds          | {"seconds": null}                   | 'seconds' is required
          zero                  | {"seconds": 0}                      | 'seconds' must be at least 1
          negative              | {"seconds": -3}                     | 'seconds' must be at least 1
          non-integer           | {"seconds": 1.5}                    | 'seconds' must be an integer
          string seconds        | {"seconds": "5"}                    | 'seconds' must be an integer
          boolean seconds       | {"seconds": true}                   | 'seconds' must be an integer
          out of range          | {"seconds": 901}                    | 'seconds' must be at most 900
          huge                  | {"seconds": 1e40}                   | 'seconds' must be at most 900
          unknown field         | {"seconds": 5, "color": "red"}      | unknown field 'color' for job type 'sleep'
          unknown kind          | {"type": "paint", "seconds": 5}     | unknown job type 'paint'; known types: [sleep]
          type not a string     | {"type": 7, "seconds": 5}           | 'type' must be a string
          array body            | [{"seconds": 5}]                    | request body must be a JSON object
          number body           | 5                                   | request body must be a JSON object
          not JSON              | {seconds: 5                         | request body is not JSON
          empty body            | ''                                  | request body is empty; expected a JSON object
          """)
  void anInvalidRequestIsRejectedWithOneLine(String name, String body, String message) {
    assertThatThrownBy(() -> requests.parse(body))
        .isInstanceOf(InvalidJobException.class)
        .hasMessage(message);
  }

  @Test
  void aBodyOverOneMebibyteIsRejectedBeforeParsing() {
    byte[] body = new byte[JobRequests.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');

    assertThatThrownBy(() -> requests.parse(body))
        .isInstanceOf(InvalidJobException.class)
        .hasMessage("request body is 1048577 bytes; the limit is 1048576 bytes");
  }

  @Test
  void aBodyOfExactlyOneMebibyteIsParsed() {
    String json = "{\"seconds\": 5}";
    byte[] body = new byte[JobRequests.MAX_BODY_BYTES];
    java.util.Arrays.fill(body, (byte) ' ');
    System.arraycopy(json.getBytes(StandardCharsets.UTF_8), 0, body, 0, json.length());

    assertThat(requests.parse(body).type()).isEqualTo("sleep");
  }
}
