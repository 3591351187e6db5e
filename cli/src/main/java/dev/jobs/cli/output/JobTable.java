package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Jobs as a table for people: id, status (a RUNNING job that stalled marked so), type, status time,
 * attempts and, for a failure, the error's type and condition (its message is one {@code jobs get}
 * away, and would make lines too long to read). Columns as wide as their longest cell.
 */
public final class JobTable {
  private static final String[] HEADER = {
    "ID", "STATUS", "TYPE", "STATUS TIME", "ATTEMPTS", "ERROR"
  };

  private JobTable() {}

  /** The jobs as they stand, none marked stalled: for jobs known to have ended. */
  public static void print(PrintWriter out, List<JobPage.Job> jobs) {
    print(out, jobs, null);
  }

  /** The jobs as they stand at {@code now}, which tells the stalled ones (none when null). */
  public static void print(PrintWriter out, List<JobPage.Job> jobs, Instant now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (JobPage.Job job : jobs) {
      rows.add(
          new String[] {
            orDash(job.id()),
            now != null && job.stalled(now) ? job.status() + " (stalled)" : job.status(),
            orDash(job.type()),
            orDash(Timestamps.toSecond(job.statusTime())),
            Integer.toString(job.attempts()),
            job.error() == null ? "" : job.error()
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ");
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static String orDash(String text) {
    return text == null ? "-" : text;
  }
}
