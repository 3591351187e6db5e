package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.apigateway.Stage;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * The optional AWS WAF web ACL in front of the API's stage, created and attached only when the
 * {@code WafEnabled} parameter is {@code true} (the {@code HasWebAcl} condition). It blocks what
 * AWS's managed core and known-bad-inputs rule groups match, and answers 429 to an IP address over
 * {@code WafRateLimitPerIp} requests in five minutes: a status the CLI retries with backoff, where
 * WAF's default 403 would read as a denied signature.
 *
 * <p>Because the association is in the template, cdk-nag's AwsSolutions-APIG3 (a stage without a
 * web ACL) finds the stage covered: it does not evaluate conditions, so the finding is answered by
 * the parameter, and the stage needs no suppression of it.
 */
final class WebFirewall extends Construct {
  /** The rule group of the core rule set (OWASP-style request checks). */
  static final String COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";

  /** The rule group of request patterns known to be malicious (Log4j lookups, for one). */
  static final String KNOWN_BAD_INPUTS = "AWSManagedRulesKnownBadInputsRuleSet";

  /**
   * The core rule set's rule that blocks a body over 8 KB. A job's parameters may be up to 358,400
   * bytes as JSON (the job record holds them), so the rule only counts; the API's model and the
   * record's limit still refuse what is too large.
   */
  static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";

  /** The window the rate rule counts over, in seconds: five minutes. */
  static final int RATE_WINDOW_SECONDS = 300;

  /** What the rate rule answers: a throttle, as API Gateway's own. */
  static final int THROTTLED_STATUS = 429;

  final CfnWebACL webAcl;
  final CfnWebACLAssociation association;

  WebFirewall(Construct scope, String id, StackParameters parameters, Stage stage) {
    super(scope, id);
    webAcl =
        CfnWebACL.Builder.create(this, "WebAcl")
            .scope("REGIONAL")
            .description(
                "Filters the jobs API with AWS managed rule groups and a rate limit per IP address")
            .defaultAction(
                CfnWebACL.DefaultActionProperty.builder()
                    .allow(CfnWebACL.AllowActionProperty.builder().build())
                    .build())
            .visibilityConfig(visibility("JobsApi"))
            .rules(
                List.of(
                    rateRule(parameters, 0),
                    managedRule(KNOWN_BAD_INPUTS, 1, List.of()),
                    managedRule(COMMON_RULE_SET, 2, List.of(countOnly(BODY_SIZE_RULE)))))
            .build();
    association =
        CfnWebACLAssociation.Builder.create(this, "Association")
            .resourceArn(stage.getStageArn())
            .webAclArn(webAcl.getAttrArn())
            .build();
    for (CfnResource resource : List.<CfnResource>of(webAcl, association)) {
      resource.getCfnOptions().setCondition(parameters.hasWebAcl);
    }
  }

  private static CfnWebACL.RuleProperty rateRule(StackParameters parameters, int priority) {
    return CfnWebACL.RuleProperty.builder()
        .name("RateLimitPerIp")
        .priority(priority)
        .statement(
            CfnWebACL.StatementProperty.builder()
                .rateBasedStatement(
                    CfnWebACL.RateBasedStatementProperty.builder()
                        .aggregateKeyType("IP")
                        .limit(parameters.wafRateLimit.getValueAsNumber())
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .build())
                .build())
        .action(
            CfnWebACL.RuleActionProperty.builder()
                .block(
                    CfnWebACL.BlockActionProperty.builder()
                        .customResponse(
                            CfnWebACL.CustomResponseProperty.builder()
                                .responseCode(THROTTLED_STATUS)
                                .build())
                        .build())
                .build())
        .visibilityConfig(visibility("RateLimitPerIp"))
        .build();
  }

  private static CfnWebACL.RuleProperty managedRule(
      String group, int priority, List<CfnWebACL.RuleActionOverrideProperty> overrides) {
    CfnWebACL.ManagedRuleGroupStatementProperty.Builder statement =
        CfnWebACL.ManagedRuleGroupStatementProperty.builder().vendorName("AWS").name(group);
    if (!overrides.isEmpty()) {
      statement.ruleActionOverrides(overrides);
    }
    return CfnWebACL.RuleProperty.builder()
        .name(group)
        .priority(priority)
        .statement(
            CfnWebACL.StatementProperty.builder()
                .managedRuleGroupStatement(statement.build())
                .build())
        // The group's own actions (block), not an override.
        .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
        .visibilityConfig(visibility(group))
        .build();
  }

  private static CfnWebACL.RuleActionOverrideProperty countOnly(String rule) {
    return CfnWebACL.RuleActionOverrideProperty.builder()
        .name(rule)
        .actionToUse(
            CfnWebACL.RuleActionProperty.builder()
                .count(CfnWebACL.CountActionProperty.builder().build())
                .build())
        .build();
  }

  /** CloudWatch metrics and sampled requests for the ACL and each rule, under a metric name. */
  private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
    return CfnWebACL.VisibilityConfigProperty.builder()
        .cloudWatchMetricsEnabled(true)
        .sampledRequestsEnabled(true)
        .metricName(metricName)
        .build();
  }
}
