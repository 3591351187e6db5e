package dev.jobs.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README is a front door, and every relative link in it and in {@code docs/} leads to a file
 * that exists and to a heading that file has, by GitHub's anchor rules: a section that moves or is
 * renamed breaks the build, not a reader's click.
 */
class DocsLinksTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final int README_MOST_LINES = 250;

  /** README.md and every page of docs/, as paths from the repository's root. */
  static Stream<String> pages() throws IOException {
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      List<String> pages =
          docs.filter(page -> page.toString().endsWith(".md"))
              .map(page -> ROOT.relativize(page).toString())
              .sorted()
              .toList();
      return Stream.concat(Stream.of("README.md"), pages.stream());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyLink_leadsToAFileAndAHeadingThatExist(String page) {
    assertThat(MarkdownLinks.broken(ROOT, ROOT.resolve(page))).isEmpty();
  }

  @Test
  void readme_isAFrontDoor_ofAtMost250Lines() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(README_MOST_LINES);
  }

  @Test
  void readme_linksToEveryPageOfDocs() throws IOException {
    List<String> links =
        MarkdownLinks.links(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8));

    assertThat(pages().skip(1)).allMatch(page -> links.contains(page), "linked from the README");
  }

  @Test
  @DisplayName(
      "an anchor is the heading in lower case, spaces as -, punctuation but - and _ dropped")
  void slug_followsGitHub() {
    assertThat(MarkdownLinks.slug("Monitoring: alarms, the dashboard, `jobs stats`"))
        .isEqualTo("monitoring-alarms-the-dashboard-jobs-stats");
    assertThat(MarkdownLinks.slug("Start-up and the `get` benchmark"))
        .isEqualTo("start-up-and-the-get-benchmark");
    assertThat(MarkdownLinks.slug("Request: `POST /jobs`")).isEqualTo("request-post-jobs");
    assertThat(MarkdownLinks.slug("The stack (`infra`)")).isEqualTo("the-stack-infra");
    assertThat(MarkdownLinks.slug("run_id and [the link](x.md) ")).isEqualTo("run_id-and-the-link");
  }

  @Test
  void anchors_ofRepeatedHeadings_areNumbered_andCodeBlocksMakeNone() {
    String page = "# Notes\n\n## Notes\n\n```sh\n# Notes\n```\n\n### Notes ###\n";

    assertThat(MarkdownLinks.anchors(page)).containsExactly("notes", "notes-1", "notes-2");
  }

  @Test
  void links_inCodeAreNotLinks() {
    String page = "[a](a.md) `[b](b.md)`\n```\n[c](c.md)\n```\n[d\ntext](d.md#x \"title\")\n";

    assertThat(MarkdownLinks.links(page)).containsExactly("a.md", "d.md#x");
  }

  @Test
  void broken_namesAMissingFile_aMissingAnchor_aLinkOutOfTheRoot_andAMalformedAddress(
      @TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/page.md"), "# Page\n\n## Section\n");
    Path readme = root.resolve("README.md");
    Files.writeString(
        readme,
        "# Title\n\n"
            + "[ok](docs/page.md#section) [ok](#title) [ok](https://example.com/a?b=c#d)\n"
            + "[gone](docs/gone.md) [no anchor](docs/page.md#nothing) [out](../x.md)\n"
            + "[bad](https://example.com/a%zz) [scheme](ftp://example.com/)\n");

    assertThat(MarkdownLinks.broken(root, readme))
        .containsExactly(
            "README.md: (docs/gone.md) names docs/gone.md, which does not exist",
            "README.md: (docs/page.md#nothing) names #nothing, which no heading of docs/page.md"
                + " makes [page, section]",
            "README.md: (../x.md) leads out of " + root,
            "README.md: (https://example.com/a%zz) is not a well-formed address: Malformed escape pair",
            "README.md: (ftp://example.com/) is neither a relative link nor an http(s) address");
  }
}
