package dev.jobs.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * A cdk-nag finding the stack accepts, with its reason, written as the {@code cdk_nag} metadata
 * that cdk-nag reads. The stack states its own exceptions this way without depending on cdk-nag at
 * run time; the nag test then proves that nothing else is found.
 *
 * @param appliesTo the findings' details it covers, as text (such as {@code Resource::*}) or as
 *     {@link #matching(String)}; empty for all
 */
record NagSuppression(String rule, String reason, List<Object> appliesTo) {
  private static final String KEY = "cdk_nag";

  NagSuppression(String rule, String reason) {
    this(rule, reason, List.of());
  }

  /** A finding detail matched by a regular expression (cdk-nag's form for generated names). */
  static Map<String, String> matching(String regex) {
    return Map.of("regex", "/" + regex + "/");
  }

  /** Adds the suppressions to every CloudFormation resource in and under {@code scope}. */
  static void apply(IConstruct scope, NagSuppression... suppressions) {
    for (IConstruct construct : scope.getNode().findAll()) {
      if (construct instanceof CfnResource resource) {
        add(resource, suppressions);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(CfnResource resource, NagSuppression... suppressions) {
    Object existing = resource.getMetadata(KEY);
    List<Object> rules = new ArrayList<>();
    if (existing instanceof Map<?, ?> map && map.get("rules_to_suppress") instanceof List<?> old) {
      rules.addAll((List<Object>) old);
    }
    for (NagSuppression suppression : suppressions) {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("id", suppression.rule());
      rule.put("reason", suppression.reason());
      if (!suppression.appliesTo().isEmpty()) {
        rule.put("applies_to", suppression.appliesTo());
      }
      rules.add(rule);
    }
    resource.addMetadata(KEY, Map.of("rules_to_suppress", rules));
  }
}
