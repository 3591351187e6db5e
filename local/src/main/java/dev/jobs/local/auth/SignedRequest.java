package dev.jobs.local.auth;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What SigV4 covers of an HTTP request.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent, or null
 * @param headers header values by lower-case name
 */
public record SignedRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body) {

  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Each {@code name=value} pair of a query string or a form, as sent (still percent-encoded), in
   * order; a pair without {@code =} has the value {@code ""}, and empty pairs are skipped. How a
   * pair is decoded is each reader's own: SigV4, the query protocol and API Gateway differ.
   */
  public static void forEachPair(String query, BiConsumer<String, String> pair) {
    if (query == null) {
      return;
    }
    for (String item : query.split("&")) {
      if (item.isEmpty()) {
        continue;
      }
      int equals = item.indexOf('=');
      pair.accept(
          equals < 0 ? item : item.substring(0, equals),
          equals < 0 ? "" : item.substring(equals + 1));
    }
  }
}
