package dev.jobs.cli.target;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A setting's value and where it came from ("--region", "AWS_REGION", "target 'prod'"), so that an
 * error caused by the value can say which source to fix.
 */
record Setting(String source, String value) {

  /** The setting, or null when the source gives no value. */
  static Setting of(String source, String value) {
    return value == null || value.isBlank() ? null : new Setting(source, value.trim());
  }

  @SafeVarargs
  static Optional<Setting> first(Setting flag, Supplier<Setting>... sources) {
    if (flag != null) {
      return Optional.of(flag);
    }
    for (Supplier<Setting> source : sources) {
      Setting setting = source.get();
      if (setting != null) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }
}
