package dev.jobs.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The replay path: a rule on the failed-jobs bus that matches replayed events only and sends them
 * to the processing function, which unwraps the job and runs it again under its id. Live failures
 * on the bus match nothing (they are only archived); a replay that cannot be delivered ends in the
 * dead-letter queue.
 */
final class JobReplay extends Construct {
  /** Only events an archive replay delivers carry {@code replay-name}. */
  static final Map<String, Object> REPLAYED_EVENTS =
      Map.of("replay-name", List.of(Map.of("exists", true)));

  final Rule rule;
  final Queue deadLetters;

  JobReplay(Construct scope, String id, JobsStackProps props, IEventBus bus, IFunction processing) {
    super(scope, id);
    deadLetters =
        DeadLetterQueue.create(
            this, "DeadLetters", "the dead-letter queue of the replay rule's target");
    rule =
        Rule.Builder.create(this, "Rule")
            .eventBus(bus)
            .description("Replays failed jobs from the archive to the processing function")
            // Replaced below: the L2 pattern has no field for replay-name.
            .eventPattern(EventPattern.builder().source(List.of("lambda")).build())
            .targets(
                List.of(
                    new LambdaFunction(
                        processing,
                        LambdaFunctionProps.builder()
                            .retryAttempts(props.replayRetryAttempts())
                            .maxEventAge(Duration.seconds(props.replayMaxEventAgeSeconds()))
                            .deadLetterQueue(deadLetters)
                            .build())))
            .build();
    CfnRule cfnRule = (CfnRule) rule.getNode().getDefaultChild();
    cfnRule.addPropertyOverride("EventPattern", REPLAYED_EVENTS);
    cfnRule.addPropertyDeletionOverride("EventPattern.source");
  }
}
