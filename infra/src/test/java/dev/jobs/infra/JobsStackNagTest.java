package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The AwsSolutions pack of cdk-nag on the stack. Its findings are annotations (synthesis does not
 * fail on them), so the test reads them; the stack's accepted findings carry their reasons in
 * {@link NagSuppression}s beside the resources.
 */
// Annotations.findError and findWarning still return the deprecated cxapi SynthesisMessage.
@SuppressWarnings("deprecation")
class JobsStackNagTest {
  private static Annotations annotations;

  @BeforeAll
  static void synthesizeWithNag() {
    App app = new App();
    JobsStack stack = JobsStack.createStack(app, Synthesized.defaultProps());
    Aspects.of(app)
        .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).reports(false).build()));
    app.synth();
    annotations = Annotations.fromStack(stack);
  }

  @Test
  @DisplayName("AwsSolutions finds no unsuppressed error")
  void noUnsuppressedError() {
    List<SynthesisMessage> errors =
        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    assertThat(errors).extracting(JobsStackNagTest::describe).isEmpty();
  }

  @Test
  @DisplayName("AwsSolutions finds no unsuppressed warning")
  void noUnsuppressedWarning() {
    List<SynthesisMessage> warnings =
        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
    assertThat(warnings).extracting(JobsStackNagTest::describe).isEmpty();
  }

  private static String describe(SynthesisMessage message) {
    return message.getId() + ": " + message.getEntry().getData();
  }
}
