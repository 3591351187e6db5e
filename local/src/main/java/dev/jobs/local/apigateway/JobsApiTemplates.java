package dev.jobs.local.apigateway;

import java.util.List;

/**
 * What the deployed stack's {@code POST /jobs} integration is made of, as the local stage renders
 * it. Infra's {@code JobsApi} owns the originals; the CLI's {@code LocalMatchesStackIT} checks
 * these against the template the CLI deploys, so neither side changes alone.
 */
public final class JobsApiTemplates {
  /**
   * The content types the integrations have a request template (and {@code POST /jobs} a model)
   * for. Both integrations pass through {@code NEVER}: any other type answers 415.
   */
  public static final List<String> MAPPED_CONTENT_TYPES = List.of("application/json");

  /**
   * The processing function's input: the body goes in as sent, not re-serialized, so the payload
   * Lambda gets (and measures against its limit) is byte for byte AWS's.
   */
  public static final String INVOCATION_TEMPLATE =
      "{\"id\": \"$context.requestId\", \"parameters\": $input.body}";

  private JobsApiTemplates() {}
}
