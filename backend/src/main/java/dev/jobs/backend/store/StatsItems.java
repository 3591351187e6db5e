package dev.jobs.backend.store;

import dev.jobs.backend.stats.StatsCell;
import dev.jobs.backend.stats.StatsSpan;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stats table's items, one format for {@link DynamoDbStatsAggregator} (which writes them) and
 * {@link DynamoDbJobStatistics} (which reads them).
 *
 * <ul>
 *   <li>Counters: {@code pk} = {@code <span>#<group>} ({@code m#2026-12-06T10}, {@code
 *       h#2026-12-06}, {@code d#2026-12}), {@code sk} = {@code <period>#<slot>#<type>}, one number
 *       attribute per counter ({@code s.SUCCEEDED}, {@code t.160}, {@code f.Type|Condition}) and
 *       {@code expiresAt}. The slot (0 to 15) is the writer's: each aggregator instance writes its
 *       own items, so concurrent batches seldom touch one item, and no item takes more writes a
 *       second than one instance makes.
 *   <li>Applied changes: {@code pk} = {@code job#<id>}, {@code sk} = {@code seen}, {@code seq} (the
 *       stream sequence number of the job's last change counted) and {@code expiresAt}.
 * </ul>
 */
final class StatsItems {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String EXPIRES_AT = "expiresAt";
  static final String SEQ = "seq";
  static final String SEEN = "seen";
  private static final String COUNTER_PREFIXES = "stf";

  private StatsItems() {}

  /** A counter item's key parts. */
  record Key(String period, int slot, String type) {}

  static String partition(StatsSpan span, String group) {
    return span.code() + "#" + group;
  }

  static Map<String, AttributeValue> key(StatsCell cell, int slot) {
    return Map.of(
        PK,
        AttributeValue.fromS(partition(cell.span(), cell.span().group(cell.period()))),
        SK,
        AttributeValue.fromS(cell.period() + "#" + slot + "#" + cell.type()));
  }

  static Map<String, AttributeValue> seenKey(String jobId) {
    return Map.of(PK, AttributeValue.fromS("job#" + jobId), SK, AttributeValue.fromS(SEEN));
  }

  static Key key(Map<String, AttributeValue> item) {
    String sk = item.get(SK).s();
    int first = sk.indexOf('#');
    int second = sk.indexOf('#', first + 1);
    return new Key(
        sk.substring(0, first),
        Integer.parseInt(sk.substring(first + 1, second)),
        sk.substring(second + 1));
  }

  /** The item's counters: its number attributes named {@code s.}, {@code t.} or {@code f.}. */
  static Map<String, Long> counters(Map<String, AttributeValue> item) {
    Map<String, Long> counters = new TreeMap<>();
    item.forEach(
        (name, value) -> {
          if (name.length() > 2
              && name.charAt(1) == '.'
              && COUNTER_PREFIXES.indexOf(name.charAt(0)) >= 0
              && value.n() != null) {
            counters.put(name, Long.parseLong(value.n()));
          }
        });
    return counters;
  }
}
