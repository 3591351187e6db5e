package dev.jobs.local.bench;

import dev.jobs.local.ApiClient;
import dev.jobs.local.LocalRuntime;
import dev.jobs.local.RuntimeOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;

/**
 * What reading a long job log costs on the local runtime: a job of the test kind {@code chatter}
 * writes {@code lines} lines, then the AWS SDK's CloudWatch Logs client reads them all with {@code
 * FilterLogEvents} and the JSON pattern {@code jobs logs} sends, every page, as {@code jobs logs
 * ID} would; among another job's lines of the same size, so that the pattern has something to leave
 * out.
 *
 * <pre>
 * mvn -B -q -o -pl local -am package -DskipTests dependency:build-classpath \
 *   -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp "local/target/test-classes:local/target/classes:$(cat local/target/test.classpath)" \
 *   dev.jobs.local.bench.LogsBenchmark 10000 10   # [lines] [reads]
 * </pre>
 *
 * Prints figures; asserts nothing.
 */
public final class LogsBenchmark {
  private LogsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int reads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path directory = Files.createTempDirectory("logs-bench-");
    LocalRuntime runtime = LocalRuntime.start(RuntimeOptions.defaults(directory, 0));
    try (CloudWatchLogsClient logs =
        CloudWatchLogsClient.builder()
            .endpointOverride(URI.create(runtime.endpoint()))
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      ApiClient api = ApiClient.forRole(runtime);
      String other = submit(api, lines);
      long written = System.nanoTime();
      String id = submit(api, lines);
      api.awaitTerminal(other, Duration.ofMinutes(5));
      api.awaitTerminal(id, Duration.ofMinutes(5));
      double writeSeconds = (System.nanoTime() - written) / 1e9;
      String group = runtime.stack().processingLogGroupName();
      String pattern = "{ $.jobId = \"" + id + "\" }";

      System.out.printf(
          Locale.ROOT,
          "two jobs of %,d lines each written and ended in %.2f s%n",
          lines,
          writeSeconds);
      System.out.printf(
          Locale.ROOT,
          "%-34s %-8s %-8s %-10s %-10s %-10s%n",
          "FilterLogEvents, every page",
          "events",
          "pages",
          "first ms",
          "median ms",
          "max ms");
      for (Integer limit : new Integer[] {null, 1_000, 100}) {
        List<Double> millis = new ArrayList<>();
        int events = 0;
        int pages = 0;
        for (int i = 0; i < reads; i++) {
          long start = System.nanoTime();
          FilterLogEventsRequest request =
              FilterLogEventsRequest.builder()
                  .logGroupName(group)
                  .filterPattern(pattern)
                  .limit(limit)
                  .build();
          events = 0;
          pages = 0;
          for (var page : logs.filterLogEventsPaginator(request)) {
            events += page.events().size();
            pages++;
          }
          millis.add((System.nanoTime() - start) / 1e6);
        }
        double first = millis.get(0);
        Collections.sort(millis);
        System.out.printf(
            Locale.ROOT,
            "%-34s %-8s %-8d %-10.1f %-10.1f %-10.1f%n",
            limit == null ? "limit 10,000 (the default)" : "limit " + limit,
            String.format(Locale.ROOT, "%,d", events),
            pages,
            first,
            millis.get(millis.size() / 2),
            millis.get(millis.size() - 1));
      }
    } finally {
      runtime.stop(Duration.ZERO);
    }
  }

  private static String submit(ApiClient api, int lines) {
    return api.submit("{\"type\":\"chatter\",\"lines\":" + lines + "}").body().get("id").asString();
  }
}
