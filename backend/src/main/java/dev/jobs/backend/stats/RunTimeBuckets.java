package dev.jobs.backend.stats;

/**
 * The run-time histogram's fixed buckets: 16 per doubling of milliseconds, so a bucket spans at
 * most 4.5% of its values (2^(1/16) - 1), and below 23 ms every bucket is one millisecond wide.
 * Bucket 0 holds 0 ms; bucket {@code i} holds {@code [upper(i-1), upper(i))}; the last one holds
 * everything from 2^44 ms (557 years) on. The edges are computed with {@link StrictMath}, so every
 * JVM (the Lambda functions', the local runtime's) cuts at the same milliseconds.
 *
 * <p>A percentile read from the buckets is the largest millisecond of the bucket that holds it:
 * never below the true value, at most 4.5% above it, exact under 23 ms.
 */
public final class RunTimeBuckets {
  /** Buckets per doubling. */
  public static final int PER_DOUBLING = 16;

  /** Bucket 0, then 16 per doubling up to 2^44 ms. */
  public static final int COUNT = 1 + PER_DOUBLING * 44;

  /** Exclusive upper edges in milliseconds. */
  private static final long[] UPPER = new long[COUNT];

  static {
    UPPER[0] = 1;
    for (int i = 1; i < COUNT; i++) {
      UPPER[i] = (long) StrictMath.ceil(StrictMath.pow(2, i / (double) PER_DOUBLING));
    }
  }

  private RunTimeBuckets() {}

  /** The bucket of a run time: the first whose upper edge is above it. */
  public static int of(long millis) {
    int low = 0;
    int high = COUNT - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (millis < UPPER[middle]) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** The largest millisecond a bucket holds: what a percentile that falls in it reads. */
  public static long top(int bucket) {
    return bucket == COUNT - 1 ? Long.MAX_VALUE : UPPER[bucket] - 1;
  }
}
