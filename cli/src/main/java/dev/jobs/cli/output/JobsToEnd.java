package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.ExitCode;
import dev.jobs.cli.core.JobsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs a wait is for, read again at each poll until each has ended: the latest record of each
 * job still open (none before its first read), the final record of each that ended.
 */
final class JobsToEnd {
  private final Map<String, JobPage.Job> open = new LinkedHashMap<>();
  private final Map<String, JobPage.Job> ended = new LinkedHashMap<>();

  /** Waits for the job too; {@code last} is its record when the wait begins, or null. */
  void add(String id, JobPage.Job last) {
    open.put(id, last);
  }

  /** Reads each open job once; one that ended moves to the ended ones. */
  void poll(JobsClient api) {
    for (String id : List.copyOf(open.keySet())) {
      JobsClient.Response response = api.get(id);
      if (!response.found()) {
        // Every job waited for has a record (a cancel or a re-drive leaves one): it expired since.
        throw new JobsException(ExitCode.NOT_FOUND, "job " + id + " not found while waiting");
      }
      JobPage.Job job = JobPage.Job.parse(response.body());
      if (job.finished()) {
        open.remove(id);
        ended.put(id, job);
      } else {
        open.put(id, job);
      }
    }
  }

  /** The jobs not ended yet, in the order they were added, each with its latest record. */
  Map<String, JobPage.Job> open() {
    return Collections.unmodifiableMap(open);
  }

  /** The jobs that ended, each with its final record. */
  Map<String, JobPage.Job> ended() {
    return Collections.unmodifiableMap(ended);
  }
}
