package dev.jobs.cli.target;

import dev.jobs.local.RuntimeFile;
import java.util.Map;

/**
 * Reads the outputs of the local runtime's stack: a CloudFormation call, which the session makes
 * (only the session builds clients).
 */
@FunctionalInterface
public interface LocalOutputs {
  Map<String, String> of(RuntimeFile runtime);
}
