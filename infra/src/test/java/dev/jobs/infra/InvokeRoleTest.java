package dev.jobs.infra;

import static dev.jobs.infra.TemplateFacts.logicalId;
import static dev.jobs.infra.TemplateFacts.properties;
import static dev.jobs.infra.TemplateFacts.ref;
import static dev.jobs.infra.TemplateFacts.stageArnParts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class InvokeRoleTest extends DefaultStackFacts {
  private static final String DESCRIPTION = InvokeRole.DESCRIPTION;
  private static final String CLIENT = "arn:aws:iam::123456789012:role/jobs-client";

  private static Template withPrincipals;

  @BeforeAll
  static void synthesizeWithPrincipals() {
    withPrincipals =
        Synthesized.template(Synthesized.props().invokePrincipals(List.of(CLIENT)).build());
  }

  private static String methodArn(String method, String path) {
    return "[" + stageArnParts(template) + "/" + method + path + "]";
  }

  @Test
  @DisplayName(
      "the invoke role may call execute-api:Invoke on exactly the seven methods' ARNs: submit,"
          + " get, list, cancel, put, retry, stats")
  void invokesExactlyTheSevenMethods() {
    String role = logicalId(template, "AWS::IAM::Role", Map.of("Description", DESCRIPTION));
    Map<String, Map<String, Object>> policies =
        template.findResources(
            "AWS::IAM::Policy",
            Map.of("Properties", Match.objectLike(Map.of("Roles", List.of(ref(role))))));
    assertThat(policies).hasSize(1);
    Map<?, ?> document =
        (Map<?, ?>)
            ((Map<?, ?>) policies.values().iterator().next().get("Properties"))
                .get("PolicyDocument");
    List<?> statements = (List<?>) document.get("Statement");
    assertThat(statements).hasSize(1);
    Map<?, ?> statement = (Map<?, ?>) statements.get(0);
    assertThat(statement.get("Action")).isEqualTo("execute-api:Invoke");
    assertThat((List<?>) statement.get("Resource"))
        .extracting(resource -> ((Map<?, ?>) resource).get("Fn::Join").toString())
        .containsExactly(
            "[, " + methodArn("POST", "/jobs") + "]",
            "[, " + methodArn("GET", "/jobs/*") + "]",
            "[, " + methodArn("GET", "/jobs") + "]",
            "[, " + methodArn("POST", "/jobs/*/cancel") + "]",
            "[, " + methodArn("PUT", "/jobs/*") + "]",
            "[, " + methodArn("POST", "/jobs/*/retry") + "]",
            "[, " + methodArn("GET", "/jobs/stats") + "]");
  }

  @Test
  @DisplayName("by default the whole account may assume the invoke role")
  void assumableByTheAccount() {
    String role = logicalId(template, "AWS::IAM::Role", Map.of("Description", DESCRIPTION));
    List<?> statements =
        (List<?>)
            ((Map<?, ?>) properties(template, role).get("AssumeRolePolicyDocument"))
                .get("Statement");
    assertThat(statements).hasSize(1);
    Map<?, ?> statement = (Map<?, ?>) statements.get(0);
    assertThat(statement.get("Action")).isEqualTo("sts:AssumeRole");
    assertThat(statement.get("Principal").toString())
        .isEqualTo(
            "{AWS={Fn::Join=[, [arn:, {Ref=AWS::Partition}, :iam::, {Ref=AWS::AccountId},"
                + " :root]]}}");
  }

  @Test
  @DisplayName("principals given as props, and only they, may assume the invoke role")
  void assumableByGivenPrincipals() {
    withPrincipals.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "Description",
            DESCRIPTION,
            "AssumeRolePolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    List.of(
                        Map.of(
                            "Action",
                            "sts:AssumeRole",
                            "Effect",
                            "Allow",
                            "Principal",
                            Map.of("AWS", CLIENT)))))));
  }

  @Test
  @DisplayName("the invoke role's sessions last at most one hour, explicitly")
  void maximumSessionIsOneHour() {
    String role = logicalId(template, "AWS::IAM::Role", Map.of("Description", DESCRIPTION));
    assertThat(properties(template, role)).containsEntry("MaxSessionDuration", 3600);
  }
}
