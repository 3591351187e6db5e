package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobs.backend.settings.Setting;
import dev.jobs.backend.settings.StackSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * The stack's parameters are the backend's {@link StackSettings}, which the local runtime's flags
 * and {@code jobs deploy} also read: none of them can gain a parameter, a default or a range the
 * others do not know.
 */
class StackParametersTest extends DefaultStackFacts {

  @Test
  @DisplayName(
      "every number parameter of the stack is a StackSettings setting, and every setting one")
  void parametersAreTheSettings() {
    List<String> settings =
        new ArrayList<>(StackSettings.RANGED.stream().map(Setting::parameter).toList());
    settings.add(StackSettings.LOG_RETENTION_PARAMETER);
    assertThat(template.findParameters("*", Map.of("Type", "Number")).keySet())
        .containsExactlyInAnyOrderElementsOf(settings);
  }

  @Test
  @DisplayName("each parameter's default, minimum and maximum are its setting's")
  void rangesAreTheSettings() {
    for (Setting setting : StackSettings.RANGED) {
      Map<String, Object> expected = new HashMap<>();
      expected.put("Type", "Number");
      expected.put("Default", setting.defaultValue());
      expected.put("MinValue", setting.min());
      expected.put("MaxValue", setting.bounded() ? setting.max() : Match.absent());
      template.hasParameter(setting.parameter(), expected);
    }
  }

  @Test
  @DisplayName("the log retention takes exactly CloudWatch Logs' values, 365 by default")
  void logRetentionIsTheSetting() {
    template.hasParameter(
        StackSettings.LOG_RETENTION_PARAMETER,
        Map.of(
            "Default",
            String.valueOf(StackSettings.DEFAULT_LOG_RETENTION_DAYS),
            "AllowedValues",
            StackSettings.LOG_RETENTION_DAYS.stream().map(String::valueOf).toList()));
  }
}
