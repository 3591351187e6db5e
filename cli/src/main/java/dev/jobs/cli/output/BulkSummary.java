package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.core.Json;
import dev.jobs.cli.output.BulkRun.End;
import dev.jobs.cli.output.BulkRun.Outcome;
import dev.jobs.cli.output.BulkRun.Ran;
import dev.jobs.cli.output.BulkRun.Step;
import dev.jobs.cli.output.BulkRun.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The end of a bulk run: the ids of each outcome (done, skipped because the job changed meanwhile,
 * refused, not touched after a Ctrl-C) and, after a wait, of each way the jobs ended; as lines for
 * people, one JSON document for programs, the ids done with {@code -q}.
 *
 * @param ends the final record of each job waited for, by id; null when there was no wait
 */
public record BulkSummary(Ran ran, Words words, Map<String, JobPage.Job> ends) {
  /** An outcome's name in the summary. */
  static String label(Outcome outcome, Words words) {
    return switch (outcome) {
      case DONE -> words.done();
      case SKIPPED -> "skipped, changed meanwhile";
      case REFUSED -> "refused";
    };
  }

  private static String key(Outcome outcome, Words words) {
    return switch (outcome) {
      case DONE -> words.key();
      case SKIPPED -> "skipped";
      case REFUSED -> "refused";
    };
  }

  /** The ids done that ended in {@code status} after the wait, in their order. */
  public List<String> ended(String status) {
    if (ends == null) {
      return List.of();
    }
    return ran.ids(Outcome.DONE).stream()
        .filter(id -> ends.containsKey(id) && status.equals(ends.get(id).status()))
        .toList();
  }

  /** The ids done whose end is none of the words' ends (a status this tool does not know). */
  private List<String> endedOtherwise() {
    if (ends == null) {
      return List.of();
    }
    List<String> known = words.ends().stream().map(End::status).toList();
    return ran.ids(Outcome.DONE).stream()
        .filter(id -> ends.containsKey(id) && !known.contains(ends.get(id).status()))
        .toList();
  }

  /**
   * Whether the run did all it was asked: nothing refused and, after a wait, every job done ended
   * in {@code wanted}. Skipped jobs are no failure: someone else changed them.
   */
  public boolean succeeded(String wanted) {
    if (!ran.ids(Outcome.REFUSED).isEmpty()) {
      return false;
    }
    return ends == null || ended(wanted).size() == ran.ids(Outcome.DONE).size();
  }

  /** The lines for people: one per outcome that has jobs, the refusals' reasons under theirs. */
  public void text(PrintWriter out) {
    text(out, true);
  }

  /**
   * The lines for people; without {@code reasons} for a command that said each job's answer on a
   * line of its own already.
   */
  public void text(PrintWriter out, boolean reasons) {
    for (Outcome outcome : Outcome.values()) {
      List<String> ids = ran.ids(outcome);
      if (outcome == Outcome.DONE || !ids.isEmpty()) {
        out.println(line(label(outcome, words), ids));
      }
      if (outcome == Outcome.REFUSED && reasons) {
        ran.steps().stream()
            .filter(step -> step.outcome() == Outcome.REFUSED && step.message() != null)
            .forEach(step -> out.println("  " + step.id() + ": " + step.message()));
      }
    }
    if (ends != null) {
      for (End end : words.ends()) {
        List<String> ids = ended(end.status());
        if (!ids.isEmpty()) {
          out.println(line(end.text(), ids));
        }
      }
      List<String> otherwise = endedOtherwise();
      if (!otherwise.isEmpty()) {
        out.println(line("ended otherwise", otherwise));
      }
    }
    if (!ran.notTouched().isEmpty()) {
      out.println(line("not touched", ran.notTouched()));
    }
  }

  /** With {@code -q}: the ids done, one a line. */
  public void quiet(PrintWriter out) {
    ran.ids(Outcome.DONE).forEach(out::println);
  }

  /** The lists as members of {@code json}: every outcome's, then each end's after a wait. */
  public ObjectNode json(ObjectNode json) {
    json.put("selected", ran.steps().size() + ran.notTouched().size());
    for (Outcome outcome : Outcome.values()) {
      ids(json.putArray(key(outcome, words)), ran.ids(outcome));
    }
    ObjectNode messages = json.putObject("messages");
    for (Step step : ran.steps()) {
      if (step.message() != null) {
        messages.put(step.id(), step.message());
      }
    }
    if (ends != null) {
      for (End end : words.ends()) {
        ids(json.putArray(end.key()), ended(end.status()));
      }
      ids(json.putArray("endedOtherwise"), endedOtherwise());
    }
    ids(json.putArray("notTouched"), ran.notTouched());
    json.put("interrupted", ran.interrupted());
    return json;
  }

  /** The summary alone, as the answer of a command. */
  public Answer answer() {
    return Answer.of(() -> json(Json.mapper().createObjectNode()), this::quiet, this::text);
  }

  private static String line(String label, List<String> ids) {
    return label + " " + ids.size() + (ids.isEmpty() ? "" : ": " + String.join(" ", ids));
  }

  private static void ids(ArrayNode array, List<String> ids) {
    ids.forEach(array::add);
  }
}
