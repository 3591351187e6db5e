package dev.jobs.cli.console;

import java.util.concurrent.ThreadFactory;

/**
 * The console's threads, all under one name: daemons, so that what they still do never keeps the
 * JVM alive once the command ends.
 */
record DaemonThreads(String name) implements ThreadFactory {
  @Override
  public Thread newThread(Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }
}
