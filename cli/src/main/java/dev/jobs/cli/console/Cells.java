package dev.jobs.cli.console;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.output.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The pieces the pages share: a status badge, a time, a job's link, the jobs table. */
final class Cells {
  private Cells() {}

  /** A status as a badge; its class only from letters, so no value reaches the class unescaped. */
  static String status(String status) {
    String css = status == null ? "" : status.replaceAll("[^A-Z]", "");
    return "<span class=\"status s-" + css + "\">" + Html.text(status) + "</span>";
  }

  static String time(String text) {
    String shown = Timestamps.toSecond(text);
    return shown == null
        ? ""
        : "<time datetime=\"" + Html.text(text) + "\">" + Html.text(shown) + "</time>";
  }

  /** The id as a link to its page; an id the API would refuse as text only. */
  static String jobLink(String id) {
    if (id == null || !JobsClient.isJobId(id)) {
      return Html.text(id);
    }
    return "<a href=\"" + Layout.href("/jobs/" + id, Map.of()) + "\">" + Html.text(id) + "</a>";
  }

  /** The progress as a bar and its text, or nothing when the job reported none. */
  static String progress(JobPage.Job job) {
    return job.progress()
        .map(
            p ->
                (p.bounded()
                        ? "<progress max=\""
                            + p.total()
                            + "\" value=\""
                            + p.done()
                            + "\"></progress> "
                        : "")
                    + Html.text(p.shown()))
        .orElse("");
  }

  /** The table of jobs: id, status, type, status time, attempts, progress, error. */
  static String table(List<JobPage.Job> jobs, Instant now) {
    return table(jobs, now, null);
  }

  /**
   * The jobs as a table; with a form's id, each row starts with a ticked box of that form (its
   * {@code id} field), so the form acts on the jobs left ticked.
   */
  static String table(List<JobPage.Job> jobs, Instant now, String selectingForm) {
    StringBuilder html = new StringBuilder();
    html.append("<div class=\"scroll\"><table class=\"jobs\"><thead><tr>")
        .append(selectingForm == null ? "" : "<th scope=\"col\">re-drive</th>")
        .append("<th scope=\"col\">id</th><th scope=\"col\">status</th><th scope=\"col\">type</th>")
        .append("<th scope=\"col\">status time</th><th scope=\"col\">attempts</th>")
        .append("<th scope=\"col\">progress</th><th scope=\"col\">error</th>")
        .append("</tr></thead><tbody>");
    for (JobPage.Job job : jobs) {
      html.append("<tr>");
      if (selectingForm != null) {
        html.append("<td><input type=\"checkbox\" name=\"id\" checked form=\"")
            .append(Html.text(selectingForm))
            .append("\" value=\"")
            .append(Html.text(job.id()))
            .append("\" aria-label=\"re-drive ")
            .append(Html.text(job.id()))
            .append("\"></td>");
      }
      html.append("<td>")
          .append(jobLink(job.id()))
          .append("</td><td>")
          .append(status(job.status()))
          .append(job.stalled(now) ? " <span class=\"stalled\">stalled</span>" : "")
          .append("</td><td>")
          .append(Html.text(job.type()))
          .append("</td><td>")
          .append(time(job.statusTime()))
          .append("</td><td class=\"number\">")
          .append(job.attempts())
          .append("</td><td>")
          .append(progress(job))
          .append("</td><td>")
          .append(Html.text(job.error()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table></div>").toString();
  }
}
