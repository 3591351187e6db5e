package dev.jobs.cli.output;

import dev.jobs.cli.api.JobPage;
import dev.jobs.cli.api.JobsClient;
import dev.jobs.cli.core.Json;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * What became of one job's cancel: the API's answer, and after a wait the job's end.
 *
 * @param record the job's record as the cancel answered it, or its last one after a wait; null when
 *     the cancel was refused
 * @param refused the API's message when the job had already ended otherwise (409); else null
 */
public record Cancellation(String id, Outcome outcome, JobPage.Job record, String refused) {
  /** What the cancel did, from the API's answer. */
  public enum Outcome {
    /** The job is RUNNING: the request is recorded, and it stops at its next check. */
    REQUESTED,
    /** The job had not started: it is CANCELLED and will never run. */
    BEFORE_START,
    /** The job had stopped on an earlier cancel. */
    ALREADY_CANCELLED,
    /** The job had already ended SUCCEEDED or FAILED: nothing changed. */
    ALREADY_ENDED
  }

  /** The API's refusal names the status: {@code job <id> already ended SUCCEEDED}. */
  private static final Pattern ENDED = Pattern.compile("already ended ([A-Z]+)");

  /** The outcome of a cancel from the API's answer: 202 with the record, or 409. */
  public static Cancellation of(String id, JobsClient.Response response) {
    if (response.conflict()) {
      return new Cancellation(
          id, Outcome.ALREADY_ENDED, null, JobsClient.messageOf(response.body()));
    }
    JobPage.Job record = JobPage.Job.parse(response.body());
    Outcome outcome =
        switch (record.status()) {
          case "RUNNING" -> Outcome.REQUESTED;
          // A job cancelled before it started has no attempt: this cancel, or an earlier one.
          case "CANCELLED" ->
              record.attempts() == 0 ? Outcome.BEFORE_START : Outcome.ALREADY_CANCELLED;
          default -> Outcome.ALREADY_ENDED;
        };
    return new Cancellation(id, outcome, record, null);
  }

  /** The same cancel, with the job's record after the wait. */
  public Cancellation ended(JobPage.Job last) {
    return new Cancellation(id, outcome, last, refused);
  }

  /** The job's status as last known; for a refusal, the one the API named (null if none). */
  public String status() {
    if (record != null) {
      return record.status();
    }
    Matcher matcher = ENDED.matcher(refused == null ? "" : refused);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** Whether the job is CANCELLED, or (before a wait) will be: the cancel was recorded. */
  public boolean cancelled(boolean waited) {
    return "CANCELLED".equals(status()) || !waited && outcome == Outcome.REQUESTED;
  }

  /** The line for people: {@code <id> cancel requested (RUNNING)}. */
  public String line() {
    String status = status();
    String said =
        switch (outcome) {
          case REQUESTED ->
              switch (status) {
                case "RUNNING" -> "cancel requested (RUNNING)";
                case "CANCELLED" -> "CANCELLED";
                default -> "ended " + status + " before it stopped: not cancelled";
              };
          case BEFORE_START -> "cancelled before it started";
          case ALREADY_CANCELLED -> "already CANCELLED";
          case ALREADY_ENDED ->
              status == null
                  ? "already ended: not cancelled (" + refused + ")"
                  : "already ended " + status + ": not cancelled";
        };
    return id + "  " + said;
  }

  /** The entry for programs: {@code id}, {@code outcome}, {@code status}, and the record. */
  public ObjectNode json() {
    ObjectNode entry = Json.mapper().createObjectNode();
    entry.put("id", id);
    entry.put("outcome", outcome.name());
    entry.put("status", status());
    if (record != null) {
      entry.set("record", Json.mapper().readTree(Json.write(record.node())));
    } else {
      entry.put("message", refused);
    }
    return entry;
  }
}
