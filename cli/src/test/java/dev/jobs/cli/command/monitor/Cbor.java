package dev.jobs.cli.command.monitor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Just enough CBOR (RFC 8949) to write the answers of a service on the Smithy RPC v2 CBOR protocol,
 * as CloudWatch's SDK client speaks it: maps, arrays, text, integers, doubles and timestamps (tag
 * 1, epoch seconds).
 */
final class Cbor {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Cbor() {}

  static byte[] encode(Object value) {
    Cbor cbor = new Cbor();
    cbor.write(value);
    return cbor.out.toByteArray();
  }

  private void write(Object value) {
    if (value instanceof String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      head(3, bytes.length);
      out.writeBytes(bytes);
    } else if (value instanceof Integer || value instanceof Long) {
      long number = ((Number) value).longValue();
      if (number >= 0) {
        head(0, number);
      } else {
        head(1, -1 - number);
      }
    } else if (value instanceof Double number) {
      out.write(0xfb);
      long bits = Double.doubleToLongBits(number);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (bits >>> shift) & 0xff);
      }
    } else if (value instanceof Instant instant) {
      head(6, 1);
      write(instant.toEpochMilli() / 1000.0);
    } else if (value instanceof List<?> list) {
      head(4, list.size());
      list.forEach(this::write);
    } else if (value instanceof Map<?, ?> map) {
      head(5, map.size());
      map.forEach(
          (key, item) -> {
            write(key);
            write(item);
          });
    } else {
      throw new IllegalArgumentException("no CBOR for " + value);
    }
  }

  private void head(int major, long length) {
    int type = major << 5;
    if (length < 24) {
      out.write(type | (int) length);
    } else if (length < 0x100) {
      out.write(type | 24);
      out.write((int) length);
    } else if (length < 0x10000) {
      out.write(type | 25);
      out.write((int) (length >>> 8));
      out.write((int) length & 0xff);
    } else {
      out.write(type | 27);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (length >>> shift) & 0xff);
      }
    }
  }
}
