package dev.jobs.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Small lookups on a synthesized template, for facts that name other resources. */
final class TemplateFacts {
  private TemplateFacts() {}

  /** The logical id of the one resource of a type whose properties match. */
  static String logicalId(Template template, String type, Map<String, ?> properties) {
    Map<String, Map<String, Object>> found =
        template.findResources(type, Map.of("Properties", Match.objectLike(properties)));
    assertThat(found).as("resources of type %s matching %s", type, properties).hasSize(1);
    return found.keySet().iterator().next();
  }

  /** The logical id of the only resource of a type. */
  static String onlyLogicalId(Template template, String type) {
    Map<String, Map<String, Object>> found = template.findResources(type);
    assertThat(found).as("resources of type %s", type).hasSize(1);
    return found.keySet().iterator().next();
  }

  /** The properties of a resource. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Template template, String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
    Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
    return (Map<String, Object>) resource.get("Properties");
  }

  static Map<String, Object> ref(String logicalId) {
    return Map.of("Ref", logicalId);
  }

  static Map<String, Object> arnOf(String logicalId) {
    return Map.of("Fn::GetAtt", java.util.List.of(logicalId, "Arn"));
  }
}
