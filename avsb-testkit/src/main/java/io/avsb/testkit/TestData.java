package io.avsb.testkit;

import io.avsb.AvsbValue;
import io.avsb.spi.DataKind;
import io.avsb.spi.DataSource;
import io.avsb.spi.DataSourceContext;
import io.avsb.spi.DataSourceFactory;
import io.avsb.spi.DataSourceUpdates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flag data for tests, set from code: a {@link DataSourceFactory} that a real {@code AvsbServer}
 * reads its flags from, so the real evaluator runs over the flags a test describes.
 *
 * <pre>{@code
 * TestData td = TestData.create();
 * td.update(td.flag("checkout-v2").booleanFlag().variationForUser("u_power", true)
 *     .fallthroughVariation(false));
 * AvsbServer server = AvsbServer.builder(null).dataSource(td).eventsEnabled(false).buildServer();
 * }</pre>
 *
 * <p>Every {@link #update(FlagBuilder)} gives the flag the next version and sends it at once to
 * every running data source created from this instance, so running servers see the change before
 * the call returns; {@link #delete(String)} sends a deletion. A data source sends the whole data
 * set when started (it is ready at once) and receives nothing once closed. Thread-safe: servers
 * and tests may call any method concurrently; every data source sees the changes in the order
 * they were made.
 */
public final class TestData implements DataSourceFactory {
  private static final Logger LOG = LoggerFactory.getLogger("io.avsb.testkit");

  private final Object lock = new Object();
  private final Map<String, Item<FlagBuilder>> flags = new LinkedHashMap<>();
  private final Map<String, Item<SegmentBuilder>> segments = new LinkedHashMap<>();
  private final Set<TestDataSource> liveSources = new LinkedHashSet<>();

  /** One flag or segment: its builder (null if preconfigured), version and JSON (null if deleted). */
  private record Item<B>(B builder, int version, AvsbValue json) {}

  private TestData() {}

  /** A new instance with no flags and no segments. */
  public static TestData create() {
    return new TestData();
  }

  /**
   * A builder for flag {@code key}: a copy of the flag's current state if it was last set with
   * {@link #update(FlagBuilder)}, otherwise a boolean flag that is on and gives {@code true} to
   * everyone. Changing the builder changes nothing until it is passed to {@link #update}.
   */
  public FlagBuilder flag(String key) {
    synchronized (lock) {
      Item<FlagBuilder> item = flags.get(key);
      if (item != null && item.builder() != null) {
        return item.builder().copy();
      }
    }
    return new FlagBuilder(key).booleanFlag().variationForAll(true);
  }

  /**
   * Stores the flag {@code flag} describes with the next version and sends it to every running
   * data source. Later changes to {@code flag} have no effect until it is passed here again.
   */
  public TestData update(FlagBuilder flag) {
    Objects.requireNonNull(flag, "flag");
    FlagBuilder copy = flag.copy();
    synchronized (lock) {
      int version = nextVersion(flags.get(copy.key()));
      AvsbValue json = copy.toJson(version);
      flags.put(copy.key(), new Item<>(copy, version, json));
      pushUpsert(DataKind.FLAGS, copy.key(), json);
    }
    return this;
  }

  /**
   * Stores a flag given in its JSON form (the A vs B flag model) as it is, for cases the builder
   * cannot express, such as a malformed flag. {@code flagJson} must be an object with a non-empty
   * string {@code key}; its {@code version} is raised to the next version if it is not higher
   * already. A later {@link #flag(String)} for this key starts from a new builder.
   */
  public TestData usePreconfiguredFlag(AvsbValue flagJson) {
    String key = requireItemKey(flagJson, "flagJson");
    synchronized (lock) {
      AvsbValue json = withVersion(flagJson, flags.get(key));
      flags.put(key, new Item<>(null, json.get("version").intValue(), json));
      pushUpsert(DataKind.FLAGS, key, json);
    }
    return this;
  }

  /** Deletes flag {@code key} and sends the deletion (a tombstone with the next version). */
  public TestData delete(String key) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      int version = nextVersion(flags.get(key));
      flags.put(key, new Item<>(null, version, null));
      pushDelete(DataKind.FLAGS, key, version);
    }
    return this;
  }

  /**
   * A builder for segment {@code key}: a copy of its current state if it was last set with {@link
   * #updateSegment}, otherwise an empty segment.
   */
  public SegmentBuilder segment(String key) {
    synchronized (lock) {
      Item<SegmentBuilder> item = segments.get(key);
      if (item != null && item.builder() != null) {
        return item.builder().copy();
      }
    }
    return new SegmentBuilder(key);
  }

  /** Stores the segment {@code segment} describes with the next version and sends it. */
  public TestData updateSegment(SegmentBuilder segment) {
    Objects.requireNonNull(segment, "segment");
    SegmentBuilder copy = segment.copy();
    synchronized (lock) {
      int version = nextVersion(segments.get(copy.key()));
      AvsbValue json = copy.toJson(version);
      segments.put(copy.key(), new Item<>(copy, version, json));
      pushUpsert(DataKind.SEGMENTS, copy.key(), json);
    }
    return this;
  }

  /** Stores a segment given in its JSON form, as {@link #usePreconfiguredFlag} does for flags. */
  public TestData usePreconfiguredSegment(AvsbValue segmentJson) {
    String key = requireItemKey(segmentJson, "segmentJson");
    synchronized (lock) {
      AvsbValue json = withVersion(segmentJson, segments.get(key));
      segments.put(key, new Item<>(null, json.get("version").intValue(), json));
      pushUpsert(DataKind.SEGMENTS, key, json);
    }
    return this;
  }

  /** Deletes segment {@code key} and sends the deletion. */
  public TestData deleteSegment(String key) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      int version = nextVersion(segments.get(key));
      segments.put(key, new Item<>(null, version, null));
      pushDelete(DataKind.SEGMENTS, key, version);
    }
    return this;
  }

  /** The current JSON form of flag {@code key}, or null when it does not exist or was deleted. */
  public AvsbValue flagJson(String key) {
    synchronized (lock) {
      Item<FlagBuilder> item = flags.get(key);
      return item == null ? null : item.json();
    }
  }

  /** The current JSON form of segment {@code key}, or null when absent or deleted. */
  public AvsbValue segmentJson(String key) {
    synchronized (lock) {
      Item<SegmentBuilder> item = segments.get(key);
      return item == null ? null : item.json();
    }
  }

  /**
   * The full data set a data source receives on start: {@code {"flags": {...}, "segments":
   * {...}}}, without deleted items.
   */
  public AvsbValue allData() {
    synchronized (lock) {
      Map<String, AvsbValue> all = new LinkedHashMap<>();
      all.put(DataKind.FLAGS.jsonName(), liveJson(flags));
      all.put(DataKind.SEGMENTS.jsonName(), liveJson(segments));
      return new AvsbValue.Obj(all);
    }
  }

  /** How many data sources created from this instance are running (started and not closed). */
  public int runningSourceCount() {
    synchronized (lock) {
      return liveSources.size();
    }
  }

  /**
   * Creates a data source for one server. It delivers the full data set when started and every
   * later change until it is closed.
   */
  @Override
  public DataSource create(DataSourceContext context, DataSourceUpdates updates) {
    return new TestDataSource(this, Objects.requireNonNull(updates, "updates"));
  }

  /** Registers {@code source} and sends it the full data set, atomically with respect to changes. */
  boolean start(TestDataSource source, DataSourceUpdates updates) {
    synchronized (lock) {
      if (source.isClosed()) {
        return false;
      }
      // Registered only once the full data set is in, so a failed start receives nothing.
      if (!updates.init(allData())) {
        return false;
      }
      liveSources.add(source);
      return true;
    }
  }

  void remove(TestDataSource source) {
    synchronized (lock) {
      liveSources.remove(source);
    }
  }

  private void pushUpsert(DataKind kind, String key, AvsbValue json) {
    for (TestDataSource source : List.copyOf(liveSources)) {
      try {
        source.updates().upsert(kind, key, json);
      } catch (RuntimeException e) {
        LOG.warn("Test data: a data source rejected {} {}: {}", kind.jsonName(), key, e.toString());
      }
    }
  }

  private void pushDelete(DataKind kind, String key, int version) {
    for (TestDataSource source : List.copyOf(liveSources)) {
      try {
        source.updates().delete(kind, key, version);
      } catch (RuntimeException e) {
        LOG.warn("Test data: a data source rejected deleting {} {}: {}", kind.jsonName(), key,
            e.toString());
      }
    }
  }

  private static int nextVersion(Item<?> item) {
    return item == null ? 1 : item.version() + 1;
  }

  private static AvsbValue withVersion(AvsbValue json, Item<?> previous) {
    int version = Math.max(nextVersion(previous), json.get("version").intValue());
    Map<String, AvsbValue> copy = new LinkedHashMap<>(((AvsbValue.Obj) json).values());
    copy.put("version", AvsbValue.of(version));
    return new AvsbValue.Obj(copy);
  }

  private static String requireItemKey(AvsbValue json, String name) {
    Objects.requireNonNull(json, name);
    if (!(json instanceof AvsbValue.Obj)) {
      throw new IllegalArgumentException(name + " must be a JSON object, was " + json);
    }
    String key = json.get("key").stringValue();
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(name + " must have a non-empty string \"key\"");
    }
    return key;
  }

  private static AvsbValue liveJson(Map<String, ? extends Item<?>> items) {
    Map<String, AvsbValue> out = new LinkedHashMap<>();
    items.forEach((key, item) -> {
      if (item.json() != null) {
        out.put(key, item.json());
      }
    });
    return new AvsbValue.Obj(out);
  }
}
