package dev.jobs.infra;

import org.junit.jupiter.api.BeforeAll;
import software.amazon.awscdk.assertions.Template;

/**
 * A test class of facts about the stack with the default props: {@link #template} is that stack's
 * template, synthesized once per test JVM (see {@link Synthesized#defaultTemplate}).
 */
abstract class DefaultStackFacts {
  static Template template;

  @BeforeAll
  static void synthesizeTheDefaultStack() {
    template = Synthesized.defaultTemplate();
  }
}
