package dev.jobs.infra;

import software.amazon.awscdk.services.lambda.Alias;
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
    RecordWriter writer =
        RecordWriter.create(
            this, "Canceller", parts, HANDLER, "Jobs: records an operator's cancel of a job");
    function = writer.function();
    alias = writer.alias();
  }
}
