package dev.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Each emulated AWS action, called by the AWS SDK v2's own clients. */
class AwsApisIT {
  @TempDir static Path directory;
  static LocalRuntime runtime;
  static EventBridgeClient events;
  static CloudFormationClient cloudFormation;
  static StsClient sts;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(RuntimeOptions.defaults(directory, 0));
    events = AwsClients.eventBridge(runtime);
    cloudFormation = AwsClients.cloudFormation(runtime);
    sts = ApiClient.sts(runtime.endpoint(), "test", "test");
  }

  @AfterAll
  static void stop() {
    events.close();
    cloudFormation.close();
    sts.close();
    runtime.stop(Duration.ZERO);
  }

  @Test
  void start_secondRuntimeOnTheSameDataDir_isRefused() {
    assertThatThrownBy(() -> LocalRuntime.start(RuntimeOptions.defaults(directory, 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another local runtime is using");
  }

  @Test
  void getCallerIdentity_operatorKey_isTheAccountRoot() {
    GetCallerIdentityResponse identity = sts.getCallerIdentity();

    assertThat(identity.account()).isEqualTo("000000000000");
    assertThat(identity.arn()).isEqualTo("arn:aws:iam::000000000000:root");
  }

  @Test
  void assumeRole_invokeRole_issuesTemporaryCredentialsThatIdentifyTheSession() {
    AssumeRoleResponse assumed =
        sts.assumeRole(r -> r.roleArn(runtime.stack().invokeRoleArn()).roleSessionName("me"));

    assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
    assertThat(assumed.credentials().expiration()).isAfter(Instant.now().plusSeconds(3000));
    assertThat(assumed.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::000000000000:assumed-role/JobsAPIInvokeRole/me");
    try (StsClient asRole =
        StsClient.builder()
            .endpointOverride(java.net.URI.create(runtime.endpoint()))
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                        assumed.credentials().accessKeyId(),
                        assumed.credentials().secretAccessKey(),
                        assumed.credentials().sessionToken())))
            .build()) {
      assertThat(asRole.getCallerIdentity().arn()).isEqualTo(assumed.assumedRoleUser().arn());
    }
  }

  @Test
  void assumeRole_forTheInvokeRolesMaximumSession_isGranted() {
    Instant before = Instant.now();
    AssumeRoleResponse assumed =
        sts.assumeRole(
            r ->
                r.roleArn(runtime.stack().invokeRoleArn())
                    .roleSessionName("me")
                    .durationSeconds(3600));

    assertThat(assumed.credentials().expiration())
        .isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3600));
  }

  @Test
  void assumeRole_beyondTheInvokeRolesMaximumSession_isValidationError() {
    assertThatThrownBy(
            () ->
                sts.assumeRole(
                    r ->
                        r.roleArn(runtime.stack().invokeRoleArn())
                            .roleSessionName("me")
                            .durationSeconds(3601)))
        .isInstanceOfSatisfying(
            StsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "The requested DurationSeconds exceeds the MaxSessionDuration set for this"
                          + " role.");
            });
  }

  @Test
  void assumeRole_shorterThanStsAllows_isValidationError() {
    assertAwsError(
            () ->
                sts.assumeRole(
                    r ->
                        r.roleArn(runtime.stack().invokeRoleArn())
                            .roleSessionName("me")
                            .durationSeconds(899)),
            StsException.class,
            "ValidationError")
        .hasMessageContaining("Member must have value greater than or equal to 900");
  }

  @Test
  void assumeRole_otherRole_isAccessDenied() {
    assertAwsError(
            () ->
                sts.assumeRole(
                    r -> r.roleArn("arn:aws:iam::000000000000:role/Admin").roleSessionName("me")),
            StsException.class,
            "AccessDenied")
        .hasMessageContaining("is not authorized to perform: sts:AssumeRole");
  }

  @Test
  void sts_wrongSecret_isSignatureDoesNotMatch() {
    try (StsClient wrong = ApiClient.sts(runtime.endpoint(), "test", "nope")) {
      assertAwsError(wrong::getCallerIdentity, StsException.class, "SignatureDoesNotMatch");
    }
  }

  @Test
  void sts_unknownAction_isInvalidAction() {
    assertAwsError(() -> sts.getSessionToken(), StsException.class, "InvalidAction");
  }

  @Test
  void describeStacks_localStack_hasTheCdkStacksOutputs() {
    Stack stack = cloudFormation.describeStacks(r -> r.stackName("jobs-local")).stacks().get(0);

    Map<String, String> outputs =
        stack.outputs().stream().collect(Collectors.toMap(Output::outputKey, Output::outputValue));
    assertThat(stack.stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
    assertThat(outputs)
        .containsEntry("ApiUrl", runtime.endpoint() + "/prod")
        .containsEntry("InvokeRoleArn", "arn:aws:iam::000000000000:role/JobsAPIInvokeRole")
        .containsEntry(
            "EventBusArn", "arn:aws:events:us-east-1:000000000000:event-bus/jobs-local-failed-jobs")
        .containsEntry("ArchiveName", "jobs-local-failed-jobs-archive")
        .containsEntry(
            "ReplayRuleArn",
            "arn:aws:events:us-east-1:000000000000:rule/jobs-local-failed-jobs/jobs-local-replay")
        .containsEntry("TableName", "jobs-local-jobs");
  }

  @Test
  void describeStacks_otherStack_isValidationError() {
    assertThatThrownBy(() -> cloudFormation.describeStacks(r -> r.stackName("other")))
        .isInstanceOf(CloudFormationException.class)
        .hasMessageContaining("Stack with id other does not exist");
  }

  @Test
  void cloudFormation_unknownAction_isInvalidAction() {
    assertAwsError(
        () -> cloudFormation.listStacks(), CloudFormationException.class, "InvalidAction");
  }

  @Test
  void putEvents_toTheBus_archivesThem() {
    long before =
        events.describeArchive(r -> r.archiveName("jobs-local-failed-jobs-archive")).eventCount();

    PutEventsResponse response =
        events.putEvents(
            r ->
                r.entries(
                    e ->
                        e.eventBusName("jobs-local-failed-jobs")
                            .source("test")
                            .detailType("t")
                            .detail("{\"a\":1}"),
                    e ->
                        e.eventBusName("jobs-local-failed-jobs")
                            .source("test")
                            .detailType("t")
                            .detail("not json")));

    assertThat(response.failedEntryCount()).isEqualTo(1);
    assertThat(response.entries().get(0).eventId()).isNotBlank();
    assertThat(response.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
    DescribeArchiveResponse archive =
        events.describeArchive(r -> r.archiveName("jobs-local-failed-jobs-archive"));
    assertThat(archive.eventCount()).isEqualTo(before + 1);
    assertThat(archive.eventSourceArn()).endsWith(":event-bus/jobs-local-failed-jobs");
  }

  @Test
  void listArchives_showsTheFailedJobsArchive() {
    assertThat(events.listArchives(r -> r.namePrefix("jobs-local")).archives())
        .extracting(a -> a.archiveName())
        .containsExactly("jobs-local-failed-jobs-archive");
    assertThatThrownBy(() -> events.describeArchive(r -> r.archiveName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void startReplay_emptyWindow_completesAndIsListed() throws InterruptedException {
    DescribeArchiveResponse archive =
        events.describeArchive(r -> r.archiveName("jobs-local-failed-jobs-archive"));
    Instant end = Instant.parse("2001-01-01T00:00:00Z");
    StartReplayResponse started =
        events.startReplay(
            r ->
                r.replayName("empty")
                    .eventSourceArn(archive.archiveArn())
                    .eventStartTime(end.minusSeconds(3600))
                    .eventEndTime(end)
                    .destination(
                        d ->
                            d.arn(archive.eventSourceArn())
                                .filterArns(runtime.stack().replayRuleArn())));

    assertThat(started.state()).isEqualTo(ReplayState.STARTING);
    DescribeReplayResponse replay = awaitReplay(events, "empty");
    assertThat(replay.state()).isEqualTo(ReplayState.COMPLETED);
    assertThat(replay.replayEndTime()).isNotNull();
    assertThat(events.listReplays(r -> r.namePrefix("emp")).replays())
        .extracting(r -> r.replayName())
        .containsExactly("empty");
    assertAwsError(
        () -> events.cancelReplay(r -> r.replayName("empty")),
        AwsServiceException.class,
        "IllegalStatusException");
  }

  @Test
  void eventBridge_unknownOperation_isUnknownOperationException() {
    assertAwsError(
        () -> events.listRules(r -> r.namePrefix("x")),
        AwsServiceException.class,
        "UnknownOperationException");
  }

  /** Asserts that the call fails with AWS's error of that type and code; more may be chained. */
  private static <E extends AwsServiceException>
      AbstractThrowableAssert<?, ? extends Throwable> assertAwsError(
          ThrowingCallable call, Class<E> type, String code) {
    return assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            type, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
  }

  static DescribeReplayResponse awaitReplay(EventBridgeClient events, String name)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      DescribeReplayResponse replay = events.describeReplay(r -> r.replayName(name));
      if (replay.state() == ReplayState.COMPLETED
          || replay.state() == ReplayState.FAILED
          || replay.state() == ReplayState.CANCELLED) {
        return replay;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("replay " + name + " did not end");
  }
}
