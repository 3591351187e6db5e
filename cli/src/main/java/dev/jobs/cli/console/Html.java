package dev.jobs.cli.console;

/**
 * The one escape of the console's pages: every value that comes from a job or a request (ids,
 * parameters, errors, log lines, form values) goes through {@link #text}, in element text and in
 * double-quoted attributes alike, so a job whose parameters hold {@code <script>} shows as text.
 */
final class Html {
  private Html() {}

  /** The text with {@code & < > " '} as character references; null as the empty string. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
