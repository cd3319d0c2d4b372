package io.avsb.internal.store;

import com.fasterxml.jackson.core.JsonParser;
import io.avsb.AvsbValue;
import io.avsb.internal.datasource.DataSet;
import io.avsb.internal.log.LogText;
import io.avsb.spi.DataKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One full data set being loaded: each item is parsed as it arrives (its JSON can then be dropped),
 * the results are gathered for one {@link ItemMap} per kind, and malformed items are counted for a
 * single summary line. Not thread-safe: one load, one thread.
 */
final class DataSetLoad implements DataSet.Items {
  private static final int EXAMPLES = 5;

  private final Shared shared = new Shared();
  private final ItemTokens tokens = new ItemTokens(shared);
  private final Column flags = new Column();
  private final Column segments = new Column();
  private final List<String> examples = new ArrayList<>(EXAMPLES);
  private int malformedFlags;
  private int malformedSegments;

  @Override
  public void item(DataKind kind, String key, AvsbValue json, String problem) {
    add(kind, key, parse(kind, key, json, problem, shared));
  }

  /** Reads the item straight from the parser's tokens into the model (see {@link ItemTokens}). */
  @Override
  public void item(DataKind kind, String key, JsonParser p, Function<String, AvsbValue> strings)
      throws IOException {
    add(kind, key, tokens.read(kind, key, p, strings));
  }

  private void add(DataKind kind, String key, StoredItem<?> parsed) {
    String error = malformedError(parsed.item());
    if (error != null) {
      if (kind == DataKind.FLAGS) {
        malformedFlags++;
      } else {
        malformedSegments++;
      }
      if (examples.size() < EXAMPLES) {
        examples.add(noun(kind) + " " + LogText.of(key) + ": " + error);
      }
    }
    (kind == DataKind.FLAGS ? flags : segments).add(key, Snapshot.held(parsed));
  }

  /** The loaded data as a snapshot. */
  Snapshot snapshot() {
    return Snapshot.of(flags.build(), segments.build());
  }

  /** How many items given as tokens were not clean, so read as JSON values (see {@link ItemTokens}). */
  int valueReads() {
    return tokens.valueReads();
  }

  int flagCount() {
    return flags.count;
  }

  int segmentCount() {
    return segments.count;
  }

  /**
   * One line saying how many items are malformed, with the first few keys and reasons, or null
   * when none is.
   */
  String malformedSummary() {
    int total = malformedFlags + malformedSegments;
    if (total == 0) {
      return null;
    }
    StringBuilder b = new StringBuilder("Malformed items in the new data set: ")
        .append(malformedFlags).append(" of ").append(flags.count).append(" flags and ")
        .append(malformedSegments).append(" of ").append(segments.count).append(" segments")
        .append(" (such a flag, and a flag using such a segment, evaluates to MALFORMED_FLAG): ")
        .append(String.join("; ", examples));
    if (total > examples.size()) {
      b.append("; and ").append(total - examples.size()).append(" more");
    }
    return b.toString();
  }

  /** Parses one item into what the store keeps: the item at its version, or a tombstone. */
  static StoredItem<?> parse(DataKind kind, String key, AvsbValue json, String problem,
      Shared shared) {
    int version = FlagParser.version(json);
    if (problem == null && json.get("deleted").booleanValue()) {
      return StoredItem.tombstone(version);
    }
    Object item = kind == DataKind.FLAGS
        ? FlagParser.parseFlag(key, json, problem, shared)
        : FlagParser.parseSegment(key, json, problem);
    return new StoredItem<>(version, item);
  }

  /** Why {@code item} is malformed, or null (also for a tombstone). */
  static String malformedError(Object item) {
    if (item instanceof Flag f) {
      return f.malformedError();
    }
    return item instanceof Segment s ? s.malformedError() : null;
  }

  /** What a malformed item of {@code kind} does to evaluations. */
  static String consequence(DataKind kind) {
    return kind == DataKind.FLAGS
        ? "will evaluate to MALFORMED_FLAG"
        : "flags using it will evaluate to MALFORMED_FLAG";
  }

  private static String noun(DataKind kind) {
    return kind == DataKind.FLAGS ? "flag" : "segment";
  }

  /** The keys and held values of one kind, in arrival order. */
  private static final class Column {
    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private int count;

    void add(String key, Object value) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        values = Arrays.copyOf(values, count * 2);
      }
      keys[count] = key;
      values[count++] = value;
    }

    ItemMap<Object> build() {
      return ItemMap.of(keys, values, count);
    }
  }
}
