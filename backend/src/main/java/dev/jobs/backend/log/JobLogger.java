package dev.jobs.backend.log;

import dev.jobs.backend.job.JobJson;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logger whose every line is one JSON event of a job: Lambda's JSON log format's fields ({@code
 * timestamp} as ISO-8601 with milliseconds, {@code level}, {@code message}, {@code requestId}),
 * then {@code logger}, {@code jobId} and {@code attempt}; a throwable adds {@code errorType},
 * {@code errorMessage} and {@code stackTrace}, as Lambda names them. Levels are Lambda's names
 * ({@code WARNING} is written {@code WARN}). Every level is loggable.
 *
 * @param attempt null for a line about the whole job
 */
public record JobLogger(String name, String jobId, Integer attempt, Target target)
    implements System.Logger {
  /** The longest message kept: CloudWatch Logs takes events of up to 256 KiB. */
  static final int MAX_MESSAGE = 64 * 1024;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Where a job's lines are written: the function's sink, its clock and the invocation. */
  public record Target(JobLogSink sink, Clock clock, String requestId) {}

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return level != Level.OFF;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    write(level, localized(bundle, message), thrown, Map.of());
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    String pattern = localized(bundle, format);
    String message;
    if (params == null || params.length == 0 || pattern == null) {
      message = pattern;
    } else {
      try {
        message = new MessageFormat(pattern, Locale.ROOT).format(params);
      } catch (IllegalArgumentException e) {
        message = pattern; // a pattern MessageFormat cannot read is logged as it is
      }
    }
    write(level, message, null, Map.of());
  }

  /** A line with fields of its own after the standard ones (the processing function's lines). */
  public void log(Level level, String message, Throwable thrown, Map<String, ?> fields) {
    write(level, message, thrown, fields);
  }

  private void write(Level level, String message, Throwable thrown, Map<String, ?> fields) {
    if (!isLoggable(level)) {
      return;
    }
    long now = target.clock().millis();
    ObjectNode event = JobJson.MAPPER.createObjectNode();
    event.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(now)));
    event.put("level", levelName(level));
    event.put("message", cut(message == null ? "null" : message));
    if (target.requestId() != null) {
      event.put("requestId", target.requestId());
    }
    event.put("logger", name);
    event.put("jobId", jobId);
    if (attempt != null) {
      event.put("attempt", attempt);
    }
    fields.forEach((key, value) -> event.set(key, JobJson.MAPPER.valueToTree(value)));
    if (thrown != null) {
      event.put("errorType", thrown.getClass().getName());
      if (thrown.getMessage() != null) {
        event.put("errorMessage", cut(thrown.getMessage()));
      }
      ArrayNode trace = event.putArray("stackTrace");
      for (StackTraceElement element : thrown.getStackTrace()) {
        trace.add(element.toString());
      }
    }
    try {
      target
          .sink()
          .write(
              new JobLogLine(
                  jobId,
                  attempt,
                  target.requestId(),
                  now,
                  JobJson.MAPPER.writeValueAsString(event)));
    } catch (RuntimeException e) {
      // A log line is advice: an outage of the sink must not fail the job.
      StandardStreams.printErr("job " + jobId + ": could not keep a log line: " + e.getMessage());
    }
  }

  /**
   * Lambda's level names: {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}.
   */
  static String levelName(Level level) {
    return switch (level) {
      case WARNING -> "WARN";
      case ALL -> "TRACE";
      default -> level.getName();
    };
  }

  private static String cut(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
  }

  private static String localized(ResourceBundle bundle, String key) {
    if (bundle == null || key == null) {
      return key;
    }
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** The same logger's lines under another name (the kind's own, or {@code stdout}). */
  public JobLogger named(String other) {
    return new JobLogger(other, jobId, attempt, target);
  }
}
