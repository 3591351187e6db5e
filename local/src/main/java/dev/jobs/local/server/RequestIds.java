package dev.jobs.local.server;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * API Gateway's request ids: random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, but
 * each thread drawing from a generator of its own. {@code randomUUID} draws every request's bytes
 * from the JDK's one shared generator, under one lock that all handler threads queued for.
 */
final class RequestIds {
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(RequestIds::generator);

  private RequestIds() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.get().nextBytes(bytes);
    bytes[6] = (byte) (bytes[6] & 0x0f | 0x40); // version 4
    bytes[8] = (byte) (bytes[8] & 0x3f | 0x80); // IETF variant
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = high << 8 | bytes[i] & 0xff;
      low = low << 8 | bytes[i + 8] & 0xff;
    }
    return new UUID(high, low).toString();
  }

  /** A DRBG instance keeps its own state, seeded from the system's entropy. */
  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
