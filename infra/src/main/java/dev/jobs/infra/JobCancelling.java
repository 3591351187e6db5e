package dev.jobs.infra;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnVersion;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * The cancel function behind {@code POST /jobs/{jobId}/cancel}: records an operator's cancel with
 * one conditional {@code UpdateItem} of the backend's store. A function rather than a direct
 * DynamoDB integration, because a cancel of a job still queued writes a whole {@code CANCELLED}
 * item, list-index keys included ({@code listKey}'s day and shard from the id, {@code listAt}'s
 * fixed-nanos instant, {@code expiresAt} from the retention): a mapping template would be a second
 * copy of the store's format, in Velocity, with no ISO-8601 clock. The answers also hang on the
 * refused condition's old item (202 for {@code CANCELLED}, 409 naming any other end) and on the id
 * pattern (400 before any call): Java that the local runtime runs too. Like the list function, a
 * caller waits for it: SnapStart behind the {@code live} alias.
 */
final class JobCancelling extends Construct {
  static final String HANDLER = "dev.jobs.backend.handler.CancelJobHandler::handleRequest";

  final BackendFunction function;
  final Alias alias;

  JobCancelling(Construct scope, String id, BackendFunction.Parts parts) {
    super(scope, id);
    String retention = parts.parameters().jobRetention.getValueAsString();
    function =
        BackendFunction.builder(this, "Canceller", parts)
            .handler(HANDLER, "Jobs: records an operator's cancel of a job")
            .timeout(JobListing.TIMEOUT)
            .snapStart()
            // A job cancelled while queued gets a record that expires as every other one does.
            .environment("JOB_RETENTION_DAYS", retention)
            .build();
    // One conditional UpdateItem does everything (ReturnValues ALL_NEW, and the old item when the
    // condition fails): no read, no other write.
    parts.table().grantUpdateItem(function.role);
    // The retention is a parameter, which the version's hash cannot see: named in the version's
    // description, a change of it publishes a new version for the alias (as the processing
    // function's versioned configuration does).
    Version version = function.function.getCurrentVersion();
    CfnVersion published =
        (CfnVersion)
            Objects.requireNonNull(
                version.getNode().getDefaultChild(), "a Version has its CfnVersion as child");
    published.setDescription(Fn.join(" ", List.of("retention", retention)));
    alias =
        Alias.Builder.create(this, "Live").aliasName(JobProcessing.ALIAS).version(version).build();
  }
}
