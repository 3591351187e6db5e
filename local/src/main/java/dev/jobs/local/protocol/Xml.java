package dev.jobs.local.protocol;

/** Just enough XML writing for the query-protocol answers. */
public final class Xml {
  private Xml() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  public static String element(String name, String value) {
    return "<" + name + ">" + escape(value) + "</" + name + ">";
  }
}
