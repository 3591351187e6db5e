package dev.jobs.cli.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to the console as its pages and its guard read it: the method, the path, the query's
 * and the form's parameters (decoded), and the headers by lower-case name. Built from the JDK
 * server's exchange, or directly in a test.
 */
record Request(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    Map<String, List<String>> form) {

  Request {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
    headers = lower;
  }

  /** The first value of a query parameter, or null. */
  String parameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The first value of a form field, or null. */
  String field(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a form field, in order. */
  List<String> fields(String name) {
    return form.getOrDefault(name, List.of());
  }

  /** Every value of the header. */
  List<String> header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  boolean post() {
    return "POST".equals(method);
  }

  /** {@code a=1&b=2} (a query, or a form's body), each name and value URL-decoded as UTF-8. */
  static Map<String, List<String>> parameters(String encoded) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return parameters;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        parameters.computeIfAbsent(decode(name), n -> new ArrayList<>()).add(decode(value));
      } catch (IllegalArgumentException e) {
        // A broken escape (%zz): the pair is dropped, as a browser never sends one.
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
