package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.functionOf;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.tableAndRetention;
import static dev.jobs.infra.TemplateFacts.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cancel function behind {@code POST /jobs/{jobId}/cancel}: one fact each. */
class JobCancellingTest extends DefaultStackFacts {
  private static String canceller;

  @BeforeAll
  static void findTheResources() {
    canceller = functionOf(template, JobCancelling.HANDLER);
  }

  @Test
  @DisplayName(
      "the cancel function gets its table and the job retention (for a job cancelled while"
          + " queued) from the environment")
  void environment() {
    assertThat(properties(template, canceller))
        .containsEntry("Environment", tableAndRetention(template));
  }

  @Test
  @DisplayName("a change of JobRetentionDays publishes a new version of the cancel function")
  void versionDescriptionNamesTheRetention() {
    assertThat(properties(template, versionOf(template, canceller)))
        .containsEntry(
            "Description",
            Map.of("Fn::Join", List.of(" ", List.of("retention", ref("JobRetentionDays")))));
  }
}
