package dev.jobs.backend.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * Lambda's invocation context where Lambda does not make one: the local runtime's attempts and the
 * tests. It holds what the handlers read; its logger writes to standard error, each line headed by
 * the function and the request, as a function's log would tell them apart.
 *
 * @param functionArn the ARN the function was invoked by (with its alias, as on AWS)
 * @param functionVersion the version that runs
 * @param remainingMillis the time left before the invocation times out, asked when read
 */
public record FunctionContext(
    String requestId,
    String functionName,
    String functionArn,
    String functionVersion,
    int memoryLimitMb,
    IntSupplier remainingMillis)
    implements Context {
  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return functionVersion;
  }

  @Override
  public String getInvokedFunctionArn() {
    return functionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return remainingMillis.getAsInt();
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.println("[" + functionName + " " + requestId + "] " + message);
      }

      @Override
      public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
