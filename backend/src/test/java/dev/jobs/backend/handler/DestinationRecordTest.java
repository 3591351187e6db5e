package dev.jobs.backend.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobs.backend.job.JobError;
import dev.jobs.backend.job.JobJson;
import org.junit.jupiter.api.Test;

class DestinationRecordTest {
  @Test
  void retriesExhaustedKeepsTheFunctionsErrorTypeAndMessage() {
    DestinationRecord record = DestinationRecord.from(Fixtures.json("retries-exhausted.json"));

    assertThat(record.condition()).isEqualTo("RetriesExhausted");
    assertThat(record.approximateInvokeCount()).isEqualTo(3);
    assertThat(record.functionError()).isEqualTo("Unhandled");
    assertThat(record.toJobError()).isEqualTo(Fixtures.RETRIES_EXHAUSTED_ERROR);
  }

  @Test
  void eventAgeExceededWithoutAnyResponseSaysTheJobNeverRan() {
    DestinationRecord record = DestinationRecord.from(Fixtures.json("event-age-exceeded.json"));

    assertThat(record.functionError()).isNull();
    assertThat(record.toJobError())
        .isEqualTo(
            new JobError(
                "EventAgeExceeded",
                "the job waited longer than the function's maximum event age and was not run",
                "EventAgeExceeded"));
  }

  @Test
  void aMissingResponsePayloadFallsBackToTheFunctionErrorAndTheAttemptCount() {
    DestinationRecord record = DestinationRecord.from(Fixtures.json("timed-out.json"));

    assertThat(record.toJobError())
        .isEqualTo(
            new JobError(
                "Unhandled",
                "the job failed on all 1 attempts; the function gave no error message",
                "RetriesExhausted"));
  }

  @Test
  void somethingThatIsNotADestinationRecordIsRejected() {
    assertThatThrownBy(
            () ->
                DestinationRecord.from(JobJson.MAPPER.readTree("{\"id\":\"x\",\"parameters\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a Lambda destination record: requestContext and requestPayload are required");
  }
}
