package dev.jobs.local.cloudwatchlogs;

import dev.jobs.backend.job.JobJson;
import dev.jobs.local.protocol.AwsError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * CloudWatch Logs' JSON filter patterns, the subset a client of job logs sends: {@code { $.jobId =
 * "X" }}, comparisons joined by {@code &&} and {@code ||} with parentheses, {@code =} and {@code
 * !=} on strings (with {@code *} as a wildcard) and numbers, {@code <}, {@code <=}, {@code >},
 * {@code >=} on numbers. An empty pattern matches every event; any other pattern is refused with
 * one line saying what is served, rather than matched some other way.
 */
final class FilterPattern {
  /** What a pattern matches an event's message against. */
  private interface Node {
    boolean matches(JsonNode event);
  }

  private record Comparison(String[] path, String operator, String text, BigDecimal number)
      implements Node {
    @Override
    public boolean matches(JsonNode event) {
      JsonNode value = event;
      for (String step : path) {
        value = value.path(step);
      }
      if (value.isMissingNode() || value.isNull() || value.isContainer()) {
        return false;
      }
      if (number != null) {
        if (!value.isNumber()) {
          return false;
        }
        int order = value.decimalValue().compareTo(number);
        return switch (operator) {
          case "=" -> order == 0;
          case "!=" -> order != 0;
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          default -> order >= 0;
        };
      }
      boolean equal = value.isString() && wildcard(text).matcher(value.asString()).matches();
      return operator.equals("=") == equal;
    }
  }

  private record Both(Node left, Node right) implements Node {
    @Override
    public boolean matches(JsonNode event) {
      return left.matches(event) && right.matches(event);
    }
  }

  private record Either(Node left, Node right) implements Node {
    @Override
    public boolean matches(JsonNode event) {
      return left.matches(event) || right.matches(event);
    }
  }

  private final Node root;
  private final String jobId;

  private FilterPattern(Node root) {
    this.root = root;
    this.jobId = required(root, "jobId");
  }

  /** Every event. */
  static final FilterPattern ALL = new FilterPattern(null);

  /**
   * @throws AwsError {@code InvalidParameterException} for a pattern outside the subset
   */
  static FilterPattern parse(String pattern) {
    if (pattern == null || pattern.isBlank()) {
      return ALL;
    }
    String text = pattern.strip();
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw unsupported(pattern);
    }
    Parser parser = new Parser(text.substring(1, text.length() - 1), pattern);
    Node root = parser.or();
    parser.end();
    return new FilterPattern(root);
  }

  /** Whether the event's message matches: never a message that is not a JSON object. */
  boolean matches(String message) {
    if (root == null) {
      return true;
    }
    if (!message.startsWith("{")) {
      return false;
    }
    try {
      return root.matches(JobJson.MAPPER.readTree(message));
    } catch (JacksonException e) {
      return false;
    }
  }

  /**
   * Whether the pattern is the job id's comparison alone ({@code { $.jobId = "X" }}): every event
   * the store reads for {@link #requiredJobId()} matches it, unparsed.
   */
  boolean isJobIdOnly() {
    return root instanceof Comparison && jobId != null;
  }

  /**
   * The job id every match must have ({@code $.jobId = "X"} with no wildcard, alone or in a
   * conjunction), or null: lets the store read that job's events alone.
   */
  String requiredJobId() {
    return jobId;
  }

  private static String required(Node node, String field) {
    if (node instanceof Comparison c
        && c.operator().equals("=")
        && c.number() == null
        && c.path().length == 1
        && c.path()[0].equals(field)
        && !c.text().contains("*")) {
      return c.text();
    }
    if (node instanceof Both both) {
      String left = required(both.left(), field);
      return left != null ? left : required(both.right(), field);
    }
    return null;
  }

  private static Pattern wildcard(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
  }

  static AwsError unsupported(String pattern) {
    return new AwsError(
        "InvalidParameterException",
        "Invalid filter pattern for the local runtime: "
            + pattern
            + " (it serves JSON patterns of comparisons such as { ($.jobId = \"X\") &&"
            + " ($.attempt = 2) }, or none)");
  }

  /** A recursive descent over the pattern's text between its braces. */
  private static final class Parser {
    private final String text;
    private final String pattern;
    private int at;

    Parser(String text, String pattern) {
      this.text = text;
      this.pattern = pattern;
    }

    Node or() {
      Node node = and();
      while (take("||")) {
        node = new Either(node, and());
      }
      return node;
    }

    Node and() {
      Node node = primary();
      while (take("&&")) {
        node = new Both(node, primary());
      }
      return node;
    }

    Node primary() {
      if (take("(")) {
        Node node = or();
        if (!take(")")) {
          throw unsupported(pattern);
        }
        return node;
      }
      if (!take("$.")) {
        throw unsupported(pattern);
      }
      List<String> path = new ArrayList<>();
      path.add(name());
      while (peek('.')) {
        at++;
        path.add(name());
      }
      String operator = operator();
      skipSpaces();
      if (peek('"')) {
        if (!operator.equals("=") && !operator.equals("!=")) {
          throw unsupported(pattern);
        }
        return new Comparison(path.toArray(String[]::new), operator, quoted(), null);
      }
      return new Comparison(path.toArray(String[]::new), operator, null, number());
    }

    void end() {
      skipSpaces();
      if (at != text.length()) {
        throw unsupported(pattern);
      }
    }

    private String name() {
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      if (start == at) {
        throw unsupported(pattern);
      }
      return text.substring(start, at);
    }

    private String operator() {
      for (String operator : List.of("!=", "<=", ">=", "=", "<", ">")) {
        if (take(operator)) {
          return operator;
        }
      }
      throw unsupported(pattern);
    }

    private String quoted() {
      at++; // the opening quote
      StringBuilder value = new StringBuilder();
      while (at < text.length() && text.charAt(at) != '"') {
        if (text.charAt(at) == '\\' && at + 1 < text.length()) {
          at++;
        }
        value.append(text.charAt(at++));
      }
      if (at >= text.length()) {
        throw unsupported(pattern);
      }
      at++; // the closing quote
      return value.toString();
    }

    private BigDecimal number() {
      int start = at;
      while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      try {
        return new BigDecimal(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw unsupported(pattern);
      }
    }

    private boolean take(String token) {
      skipSpaces();
      if (text.startsWith(token, at)) {
        at += token.length();
        return true;
      }
      return false;
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
