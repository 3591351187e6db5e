package dev.jobs.infra;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnVersion;
import software.amazon.awscdk.services.lambda.Version;
import software.constructs.Construct;

/**
 * A small API function that changes a job's record with one conditional {@code UpdateItem}
 * (ReturnValues ALL_NEW, or the old item when the condition fails): no read, no other write. Like
 * the list function, a caller waits for it: SnapStart behind the {@code live} alias. The cancel and
 * queue functions are made this way, each in its own construct.
 */
record RecordWriter(BackendFunction function, Alias alias) {
  /**
   * Makes the function {@code id} and its alias {@code Live} in {@code scope}.
   *
   * @param description the function's description
   */
  static RecordWriter create(
      Construct scope, String id, BackendFunction.Parts parts, String handler, String description) {
    String retention = parts.parameters().jobRetention.getValueAsString();
    BackendFunction function =
        BackendFunction.builder(scope, id, parts)
            .handler(handler, description)
            .timeout(JobListing.TIMEOUT)
            .snapStart()
            // A record it creates expires as every other one does.
            .environment("JOB_RETENTION_DAYS", retention)
            .build();
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
    Alias alias =
        Alias.Builder.create(scope, "Live").aliasName(JobProcessing.ALIAS).version(version).build();
    return new RecordWriter(function, alias);
  }
}
