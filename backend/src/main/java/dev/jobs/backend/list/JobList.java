package dev.jobs.backend.list;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jobs.backend.job.ApiAnswer;
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
public record JobList(JobStore store, Clock clock) {
  /**
   * The 200 body: each job as {@code GET /jobs/{id}} answers it; no {@code next} on the last page.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Body(List<JobRecord> jobs, String next) {}

  /**
   * Answers a request.
   *
   * @param parameters the query parameters, percent-decoded
   * @throws dev.jobs.backend.store.JobStoreException when the store fails (a 500 for the caller)
   */
  public ApiAnswer answer(Map<String, String> parameters) {
    JobQuery query;
    try {
      query = ListParameters.parse(parameters, clock.instant());
    } catch (BadParameterException e) {
      return ApiAnswer.message(400, e.getMessage());
    }
    JobPage page = store.list(query);
    return ApiAnswer.json(
        200, new Body(page.jobs(), page.next().map(PageToken::encode).orElse(null)));
  }
}
