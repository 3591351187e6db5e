package dev.jobs.backend.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.jobs.backend.job.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The error-handling function: the processing function's on-failure destination. Records the job as
 * FAILED. When that fails it throws, so that its own destination puts the record on the failed-jobs
 * bus, whose archive keeps it for a replay.
 */
public class FailedJobHandler implements RequestStreamHandler {
  private final FailureRecorder recorder;

  /** Lambda's constructor: wired from the environment, once per container. */
  public FailedJobHandler() {
    this(Backend.fromEnvironment().failures());
  }

  public FailedJobHandler(FailureRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    DestinationRecord record = DestinationRecord.from(JobJson.MAPPER.readTree(input));
    boolean recorded = recorder.record(record);
    JobJson.MAPPER.writeValue(output, JobJson.MAPPER.createObjectNode().put("recorded", recorded));
  }
}
