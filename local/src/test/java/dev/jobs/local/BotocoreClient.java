package dev.jobs.local;

import dev.jobs.backend.job.JobJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls a running local runtime's jobs API as a Python client would: the invoke role's credentials
 * from the local STS, each request signed by botocore's {@code SigV4Auth}, so that the runtime's
 * answers are checked against a signer it shares no code with. Where Python 3 with botocore is
 * missing the calling test is skipped, with the reason; under {@code CI=true} it fails.
 */
record BotocoreClient(String apiUrl, Credentials credentials, Path script) {
  /** The answer: status, the {@code x-amzn-RequestId} header, the body as text. */
  record Answer(int status, String requestId, String body) {
    JsonNode json() {
      return JobJson.MAPPER.readTree(body);
    }
  }

  /** A client with credentials for the invoke role; skips the test without botocore. */
  static BotocoreClient forRole(LocalRuntime runtime, Path scratch) throws IOException {
    requireBotocore();
    Path script = scratch.resolve("botocore_call.py");
    try (InputStream in = BotocoreClient.class.getResourceAsStream("botocore_call.py")) {
      Files.copy(in, script);
    }
    try (StsClient sts = ApiClient.sts(runtime.endpoint(), "test", "test")) {
      Credentials credentials =
          sts.assumeRole(
                  r -> r.roleArn(runtime.stack().invokeRoleArn()).roleSessionName("botocore"))
              .credentials();
      return new BotocoreClient(runtime.stack().apiUrl(), credentials, script);
    }
  }

  /** {@code POST /jobs} with a {@code Content-Type}, or none when it is null. */
  Answer submit(String contentType, String body) {
    return send("POST", "/jobs", contentType, body);
  }

  Answer get(String rawPath) {
    return send("GET", rawPath, null, null);
  }

  Answer send(String method, String rawPath, String contentType, String body) {
    ObjectNode call = JobJson.MAPPER.createObjectNode();
    call.put("method", method).put("url", apiUrl + rawPath).put("region", "us-east-1");
    call.put("accessKeyId", credentials.accessKeyId());
    call.put("secretAccessKey", credentials.secretAccessKey());
    call.put("sessionToken", credentials.sessionToken());
    call.put("contentType", contentType).put("body", body);
    try {
      Process python = new ProcessBuilder("python3", script.toString()).start();
      try (OutputStream in = python.getOutputStream()) {
        in.write(JobJson.MAPPER.writeValueAsBytes(call));
      }
      byte[] out = python.getInputStream().readAllBytes();
      String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
        throw new AssertionError("botocore_call.py failed: " + err);
      }
      JsonNode answer = JobJson.MAPPER.readTree(out);
      return new Answer(
          answer.get("status").asInt(),
          answer.get("requestId").isNull() ? null : answer.get("requestId").asString(),
          answer.get("body").asString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void requireBotocore() {
    boolean present;
    try {
      Process check =
          new ProcessBuilder("python3", "-c", "import botocore").redirectErrorStream(true).start();
      check.getInputStream().readAllBytes();
      present = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if (present) {
      return;
    }
    String missing =
        "python3 with botocore is not installed (install it with: pip install botocore)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(missing + "; CI=true requires it for the botocore-signed tests");
    }
    Assumptions.abort(missing + ": skipping the botocore-signed tests");
  }
}
