package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.onlyLogicalId;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobs.backend.settings.StackSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The optional web ACL in front of the API: facts of the default stack's template. */
class WebFirewallTest extends DefaultStackFacts {

  @Test
  @DisplayName("WafEnabled is false or true, false by default, and HasWebAcl holds when it is true")
  void wafIsAParameterOffByDefault() {
    template.hasParameter(
        StackSettings.WAF_ENABLED_PARAMETER,
        Map.of("Type", "String", "Default", "false", "AllowedValues", List.of("false", "true")));
    assertThat(template.toJSON().get("Conditions").toString())
        .contains("HasWebAcl={Fn::Equals=[{Ref=WafEnabled}, true]}");
  }

  @Test
  @DisplayName("the web ACL and its association exist only under HasWebAcl")
  void webAclOnlyWithTheCondition() {
    assertThat(template.findResources("AWS::WAFv2::WebACL", Map.of("Condition", "HasWebAcl")))
        .hasSize(1);
    assertThat(
            template.findResources(
                "AWS::WAFv2::WebACLAssociation", Map.of("Condition", "HasWebAcl")))
        .hasSize(1);
    template.resourceCountIs("AWS::WAFv2::WebACL", 1);
    template.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
  }

  @Test
  @DisplayName("the association attaches the web ACL to the API's stage")
  void associationAttachesTheStage() {
    String api = onlyLogicalId(template, "AWS::ApiGateway::RestApi");
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    String acl = onlyLogicalId(template, "AWS::WAFv2::WebACL");
    Map<String, Object> association =
        properties(template, onlyLogicalId(template, "AWS::WAFv2::WebACLAssociation"));
    assertThat(association).containsEntry("WebACLArn", Map.of("Fn::GetAtt", List.of(acl, "Arn")));
    assertThat(association.get("ResourceArn").toString())
        .contains(":apigateway:")
        .contains("::/restapis/, {Ref=" + api + "}, /stages/, {Ref=" + stage + "}");
  }

  @Test
  @DisplayName("the web ACL is regional and allows what no rule blocks")
  void webAclIsRegionalAndAllowsByDefault() {
    template.hasResourceProperties(
        "AWS::WAFv2::WebACL",
        Map.of("Scope", "REGIONAL", "DefaultAction", Map.of("Allow", Map.of())));
  }

  @Test
  @DisplayName("the web ACL applies AWS's core and known-bad-inputs rule groups as they are")
  void managedRuleGroups() {
    for (String group : List.of(WebFirewall.COMMON_RULE_SET, WebFirewall.KNOWN_BAD_INPUTS)) {
      webAclHasRule(
          Map.of(
              "Statement",
              Map.of(
                  "ManagedRuleGroupStatement",
                  Match.objectLike(Map.of("VendorName", "AWS", "Name", group))),
              "OverrideAction",
              Map.of("None", Map.of())));
    }
  }

  @Test
  @DisplayName("the core rule set only counts bodies over 8 KB, which a job's parameters may be")
  void bodySizeRuleOnlyCounts() {
    Map<String, Object> countBodySize =
        Map.of("Name", "SizeRestrictions_BODY", "ActionToUse", Map.of("Count", Map.of()));
    webAclHasRule(
        Map.of(
            "Statement",
            Map.of(
                "ManagedRuleGroupStatement",
                Map.of(
                    "VendorName",
                    "AWS",
                    "Name",
                    WebFirewall.COMMON_RULE_SET,
                    "RuleActionOverrides",
                    List.of(countBodySize)))));
  }

  @Test
  @DisplayName("the rate rule answers 429 to an IP over WafRateLimitPerIp requests in five minutes")
  void rateRulePerIp() {
    webAclHasRule(
        Map.of(
            "Statement",
            Map.of(
                "RateBasedStatement",
                Map.of(
                    "AggregateKeyType",
                    "IP",
                    "Limit",
                    ref("WafRateLimitPerIp"),
                    "EvaluationWindowSec",
                    300)),
            "Action",
            Map.of("Block", Map.of("CustomResponse", Map.of("ResponseCode", 429)))));
  }

  @Test
  @DisplayName("the web ACL has exactly its three rules, each with its own priority")
  void threeRulesWithDistinctPriorities() {
    List<?> rules =
        (List<?>) properties(template, onlyLogicalId(template, "AWS::WAFv2::WebACL")).get("Rules");
    assertThat(rules).hasSize(3);
    assertThat(rules.stream().map(rule -> ((Map<?, ?>) rule).get("Priority")).distinct())
        .hasSize(3);
  }

  @Test
  @DisplayName("a request the web ACL blocks answers 403 with a message naming WafEnabled")
  void blockedRequestSaysWhy() throws Exception {
    template.hasResourceProperties(
        "AWS::ApiGateway::GatewayResponse",
        Map.of(
            "ResponseType",
            "WAF_FILTERED",
            "StatusCode",
            "403",
            "ResponseTemplates",
            Map.of("application/json", JobsApi.WAF_FILTERED_BODY)));
    assertThat(new ObjectMapper().readTree(JobsApi.WAF_FILTERED_BODY).get("message").asText())
        .contains(StackSettings.WAF_ENABLED_PARAMETER);
  }

  @Test
  @DisplayName("the stage's WAF finding (AwsSolutions-APIG3) is answered, not suppressed")
  void wafFindingIsNotSuppressed() {
    String stage = onlyLogicalId(template, "AWS::ApiGateway::Stage");
    Map<?, ?> resource = (Map<?, ?>) ((Map<?, ?>) template.toJSON().get("Resources")).get(stage);
    assertThat(String.valueOf(resource.get("Metadata")))
        .contains("AwsSolutions-APIG6")
        .doesNotContain("AwsSolutions-APIG3");
  }

  /** Asserts that the web ACL has a rule with (at least) the keys of {@code rule}. */
  private void webAclHasRule(Map<String, ?> rule) {
    template.hasResourceProperties(
        "AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(rule)))));
  }
}
