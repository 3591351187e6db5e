package dev.jobs.cli.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the console: the status, the headers of its own and the body. */
record Reply(int status, Map<String, String> headers, byte[] body) {
  static final String HTML = "text/html; charset=utf-8";

  static Reply html(int status, String html) {
    return new Reply(status, Map.of("Content-Type", HTML), html.getBytes(StandardCharsets.UTF_8));
  }

  static Reply of(int status, String contentType, byte[] body) {
    return new Reply(status, Map.of("Content-Type", contentType), body);
  }

  /** A {@code 303 See Other} to a path of the console: after a POST, and after the token. */
  static Reply seeOther(String location) {
    return new Reply(303, Map.of("Location", location), new byte[0]);
  }

  /** The refusal, in one line of plain text: the guard says no more than what was wrong. */
  static Reply forbidden(String reason) {
    return of(403, "text/plain; charset=utf-8", (reason + "\n").getBytes(StandardCharsets.UTF_8));
  }

  Reply with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, Map.copyOf(more), body);
  }
}
