package dev.jobs.local.http;

import java.io.IOException;

/** One of the AWS APIs served on the runtime's port. */
interface AwsService {
  void handle(HttpCall call) throws IOException;
}
