package dev.jobs.infra;

import dev.jobs.backend.RequiredTool;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes stacks for the tests. A synthesis starts the jsii runtime and takes seconds, so the
 * default stack is synthesized once per test JVM and shared by every test class that reads it.
 */
final class Synthesized {
  static final RequiredTool NODE =
      new RequiredTool(
          "node",
          "apt-get install nodejs, or from nodejs.org; the CDK's jsii runs on it",
          RequiredTool.Probe.ANSWERS_VERSION);

  private static Template defaultTemplate;

  private Synthesized() {}

  /** The props to synthesize a stack with: the defaults, which a test may change. */
  static JobsStackProps.Builder props() {
    // Every synthesis goes through here; without Node the jsii runtime would fail with a stack
    // trace.
    NODE.require("the CDK synthesis");
    return JobsStackProps.builder(BuildOutputs.backendJar());
  }

  static JobsStackProps defaultProps() {
    return props().build();
  }

  /** The template of the stack with the default props. */
  static synchronized Template defaultTemplate() {
    if (defaultTemplate == null) {
      defaultTemplate = template(defaultProps());
    }
    return defaultTemplate;
  }

  static Template template(JobsStackProps props) {
    return Template.fromStack(JobsStack.createStack(new App(), props));
  }
}
