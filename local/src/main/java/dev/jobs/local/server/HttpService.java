package dev.jobs.local.server;

import java.io.IOException;

/** What the port serves: how much of a request's body to keep, and the answer to the request. */
public interface HttpService {
  /** The most of a body kept for a request to {@code path}; a larger one is not read. */
  int maxBody(String path);

  /** Answers the call; a failure thrown here is the server's, logged and answered 500. */
  void handle(HttpCall call) throws IOException;
}
