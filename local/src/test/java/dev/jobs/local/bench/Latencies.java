package dev.jobs.local.bench;

import java.util.Arrays;

/**
 * How long a call took, in milliseconds, sorted: a benchmark's figures. The calls timed come after
 * some untimed ones, for the JIT, the connection and SQLite's page cache.
 */
public final class Latencies {
  private final double[] millis;

  private Latencies(double[] millis) {
    this.millis = millis;
  }

  /** Makes {@code warmUps} calls, then times {@code calls} more one by one. */
  public static Latencies of(int warmUps, int calls, Runnable call) {
    for (int i = 0; i < warmUps; i++) {
      call.run();
    }
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return new Latencies(millis);
  }

  public int count() {
    return millis.length;
  }

  public double median() {
    return millis[millis.length / 2];
  }

  /** The time {@code percent}% of the calls took at most. */
  public double percentile(double percent) {
    return millis[(int) Math.ceil(millis.length * percent / 100) - 1];
  }

  public double max() {
    return millis[millis.length - 1];
  }
}
