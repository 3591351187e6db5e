package dev.jobs.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of a Markdown page and the anchors its headings make, as GitHub renders them, and which
 * of its links lead nowhere. Fenced code blocks and code spans hold no links and no headings (a
 * {@code # comment} in a shell block is not a heading); only ATX headings ({@code ## Title}) are
 * read, as the project writes no other kind.
 */
public final class MarkdownLinks {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*)$");
  private static final Pattern CLOSING_HASHES = Pattern.compile("[ \\t]#+[ \\t]*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
  // A ) or ] in a class is escaped: FindSecBugs' ReDoS check would read it as a group's end.
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^\\)]*\\)");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^\\)]*)\\)");
  private static final Pattern SPACE = Pattern.compile("\\s");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  private MarkdownLinks() {}

  /**
   * The anchor GitHub gives a heading's text: lower case, each space a {@code -}, every character
   * that is neither a letter, a digit, {@code -} nor {@code _} dropped. Code spans and links read
   * as their text, as they render.
   */
  public static String slug(String heading) {
    String text = INLINE_LINK.matcher(heading.strip()).replaceAll("$1").replace("`", "");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                slug.append('-');
              } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
              }
            });
    return slug.toString();
  }

  /** The anchors of a page's headings, in order; a repeated one gets {@code -1}, {@code -2}... */
  public static List<String> anchors(String markdown) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> anchors = new ArrayList<>();
    for (String line : prose(markdown)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String base = slug(CLOSING_HASHES.matcher(heading.group(1)).replaceFirst(""));
        String anchor = base;
        while (seen.containsKey(anchor)) {
          int repeat = seen.merge(base, 1, Integer::sum);
          anchor = base + "-" + repeat;
        }
        seen.put(anchor, 0);
        anchors.add(anchor);
      }
    }
    return anchors;
  }

  /** Every link target of a page ({@code [text](target)} and images), in order. */
  public static List<String> links(String markdown) {
    String text = CODE_SPAN.matcher(String.join("\n", prose(markdown))).replaceAll("code");
    List<String> links = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      // [text](target "title") or [text](<target>): the target is up to the first space.
      String target = SPACE.split(link.group(1).strip(), 2)[0];
      if (target.startsWith("<") && target.endsWith(">")) {
        target = target.substring(1, target.length() - 1);
      }
      if (!target.isEmpty()) {
        links.add(target);
      }
    }
    return links;
  }

  /**
   * The links of {@code page} that lead nowhere, each with the reason: a relative link must name a
   * file under {@code root}, and its {@code #anchor} a heading of that file; an absolute link must
   * be a well-formed {@code http(s)} address (it is not fetched).
   */
  public static List<String> broken(Path root, Path page) {
    List<String> broken = new ArrayList<>();
    for (String link : links(read(page))) {
      String reason =
          SCHEME.matcher(link).find() ? checkAddress(link) : checkPath(root, page, link);
      if (reason != null) {
        broken.add(root.relativize(page) + ": (" + link + ") " + reason);
      }
    }
    return broken;
  }

  private static String checkAddress(String link) {
    try {
      URI uri = new URI(link);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        return "is neither a relative link nor an http(s) address";
      }
      return uri.getHost() == null ? "names no host" : null;
    } catch (URISyntaxException e) {
      return "is not a well-formed address: " + e.getReason();
    }
  }

  private static String checkPath(Path root, Path page, String link) {
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    Path target = path.isEmpty() ? page : page.resolveSibling(path).normalize();
    if (!target.startsWith(root)) {
      return "leads out of " + root;
    }
    if (!Files.exists(target)) {
      return "names " + root.relativize(target) + ", which does not exist";
    }
    if (hash < 0) {
      return null;
    }
    String anchor = link.substring(hash + 1);
    if (!target.toString().endsWith(".md") || !Files.isRegularFile(target)) {
      return "has an anchor into " + root.relativize(target) + ", which is not a Markdown page";
    }
    List<String> anchors = anchors(read(target));
    return anchors.contains(anchor)
        ? null
        : "names #"
            + anchor
            + ", which no heading of "
            + root.relativize(target)
            + " makes "
            + anchors;
  }

  /** The page's lines outside fenced code blocks (the fences' lines left out too). */
  private static List<String> prose(String markdown) {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).find()) {
        fenced = !fenced;
      } else if (!fenced) {
        prose.add(line);
      }
    }
    return prose;
  }

  private static String read(Path page) {
    try {
      return Files.readString(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
