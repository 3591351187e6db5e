package dev.jobs.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Alias;
import software.constructs.Construct;

/**
 * The list function behind {@code GET /jobs}: answers a page of jobs from the table's list index. A
 * function rather than a mapping template, because a page merges several day-and-shard partitions
 * of the index and a {@code next} token, and a mapping template can send one request only. It
 * answers an API request synchronously, so its cold start is the caller's wait: SnapStart on a
 * published version behind the {@code live} alias, which the API invokes, restores an initialized
 * JVM instead of starting one.
 */
final class JobListing extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.ListJobsHandler::handleRequest";

  /**
   * Below API Gateway's 29 s integration timeout, so that a page that is too slow ends in the
   * function, logged, instead of running on after the caller got a 504.
   */
  static final Duration TIMEOUT = Duration.seconds(25);

  final BackendFunction function;
  final Alias alias;

  JobListing(Construct scope, String id, BackendFunction.Parts parts) {
    super(scope, id);
    function =
        BackendFunction.builder(this, "Lister", parts)
            .handler(HANDLER, "Jobs: lists jobs by status and time")
            .timeout(TIMEOUT)
            .snapStart()
            .build();
    parts.table().grantQueryListIndex(function.role);
    alias =
        Alias.Builder.create(this, "Live")
            .aliasName(JobProcessing.ALIAS)
            .version(function.function.getCurrentVersion())
            .build();
  }
}
