package dev.jobs.backend.list;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobs.backend.job.JobJson;
import dev.jobs.backend.job.JobRecord;
import dev.jobs.backend.store.JobPage;
import dev.jobs.backend.store.JobQuery;
import dev.jobs.backend.store.JobStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /jobs}: parameters in, status and JSON body out. The AWS list function and the local
 * runtime both answer through this class, so they answer alike.
 */
public final class JobList {
  /** A status code and its JSON body. */
  public record Answer(int statusCode, String body) {}

  /**
   * The 200 body: each job as {@code GET /jobs/{id}} answers it; no {@code next} on the last page.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(List<JobRecord> jobs, String next) {}

  private final JobStore store;
  private final Clock clock;

  public JobList(JobStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Answers a request.
   *
   * @param parameters the query parameters, percent-decoded
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public Answer answer(Map<String, String> parameters) {
    JobQuery query;
    try {
      query = ListParameters.parse(parameters, clock.instant());
    } catch (BadParameterException e) {
      return new Answer(
          400,
          JobJson.MAPPER.writeValueAsString(
              JobJson.MAPPER.createObjectNode().put("message", e.getMessage())));
    }
    JobPage page = store.list(query);
    return new Answer(
        200,
        JobJson.MAPPER.writeValueAsString(
            new Body(page.jobs(), page.next().map(PageToken::encode).orElse(null))));
  }
}
