/**
 * The emulated CloudWatch Logs: the processing function's and the error handler's log groups, which
 * the backend's job log lines are written to ({@code LogGroups.sink}), read through the JSON 1.1
 * protocol's {@code FilterLogEvents} with JSON filter patterns ({@code FilterPattern}) and {@code
 * DescribeLogGroups} ({@code CloudWatchLogsApi}).
 *
 * <p>May import {@code protocol}, {@code auth}, {@code stack}, {@code store}, {@code log} and the
 * backend.
 */
package dev.jobs.local.cloudwatchlogs;
