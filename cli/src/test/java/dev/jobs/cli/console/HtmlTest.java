package dev.jobs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one escape every value of a page goes through. */
class HtmlTest {
  @Test
  void text_escapesMarkupAndBothQuotes() {
    assertThat(Html.text("<script>alert('x')</script> & \"y\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  }

  @Test
  void text_ofNull_isEmpty() {
    assertThat(Html.text(null)).isEmpty();
  }
}
