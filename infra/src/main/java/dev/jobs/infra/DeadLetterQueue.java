package dev.jobs.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A queue where what could not be delivered waits for an operator: encrypted by SQS, reachable over
 * TLS only, and kept 14 days, SQS's longest. It is the last stop, so it has no dead-letter queue of
 * its own, and cdk-nag's rule asking for one is answered with whose queue it is.
 */
final class DeadLetterQueue {
  private DeadLetterQueue() {}

  /**
   * @param ofWhat what it is the dead-letter queue or failure destination of, for the nag's reason
   */
  static Queue create(Construct scope, String id, String ofWhat) {
    Queue queue =
        Queue.Builder.create(scope, id)
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .retentionPeriod(Duration.days(14))
            .build();
    NagSuppression.apply(
        queue, new NagSuppression("AwsSolutions-SQS3", "This queue is itself " + ofWhat));
    return queue;
  }
}
