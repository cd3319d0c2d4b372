package io.avsb.micrometer;

import io.avsb.AsyncAvsbServer;
import io.avsb.AvsbContext;
import io.avsb.AvsbServer;
import io.avsb.AvsbValue;
import io.avsb.EvaluationDetail;
import io.avsb.micrometer.internal.EvaluationCounts;
import io.avsb.micrometer.internal.FlagTags;
import io.avsb.micrometer.internal.ServerMeters;
import io.avsb.spi.AvsbHook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Micrometer metrics of an A vs B server: a {@link MeterBinder} that is also the {@link AvsbHook}
 * counting evaluations. Register it as a hook when building the server, hand it the server, and
 * bind it to a registry, in either order:
 *
 * <pre>{@code
 * AvsbMetrics metrics = AvsbMetrics.builder().maxFlags(50).build();
 * AvsbServer server = AvsbServer.builder(sdkKey).hooks(metrics).buildServer();
 * metrics.monitor(server).bindTo(registry);
 * }</pre>
 *
 * <p>Meters (with the builder's common tags):
 *
 * <ul>
 *   <li>{@code avsb.evaluations} (counter), tags {@code flag}, {@code variation} (the index,
 *       {@code default} when the caller's default was used), {@code reason} (the reason kind) and
 *       {@code error} (the error kind, or {@code none});
 *   <li>{@code avsb.events} (counter), tag {@code outcome}: {@code delivered}, {@code dropped}
 *       (queue full) or {@code failed} (delivery given up);
 *   <li>{@code avsb.datasource.state} (gauge), tag {@code state}: 1 for the current state, 0 for
 *       the others;
 *   <li>{@code avsb.datasource.update.age} (time gauge, seconds): since the store last took data,
 *       NaN before the first;
 *   <li>{@code avsb.stream.connections} (counter): stream connections, reconnections included;
 *   <li>{@code avsb.flags} (gauge): flags in the store.
 * </ul>
 *
 * <p>Tag cardinality is bounded: only flags on the {@linkplain Builder#flags allow-list}, or
 * without one the first {@linkplain Builder#maxFlags maxFlags} distinct flags evaluated (100 by
 * default; first come, not most used), get their own {@code flag} tag; all others, and every key
 * that names no flag, count under {@code flag=other}. Variations past index 31 count as {@code
 * variation=other}. The server meters appear once {@link #monitor} has been called. Counting an
 * evaluation allocates nothing once its combination of tags has been seen. Thread-safe.
 */
public final class AvsbMetrics implements AvsbHook, MeterBinder {
  /** How many flags get their own tag when no allow-list is set. */
  public static final int DEFAULT_MAX_FLAGS = 100;

  private final EvaluationCounts evaluations;
  private final Clock clock;
  private final Tags common;
  private final List<MeterRegistry> registries = new ArrayList<>(); // guarded by this
  private ServerMeters server; // guarded by this
  private AvsbServer monitored; // guarded by this

  private AvsbMetrics(Builder b) {
    this.common = b.tags;
    this.clock = b.clock;
    this.evaluations = new EvaluationCounts(new FlagTags(b.allowList, b.maxFlags), common);
  }

  /** A builder for metrics with the default bounds and no common tags. */
  public static Builder builder() {
    return new Builder();
  }

  /** Metrics with the defaults: the first 100 flags tagged, no common tags. */
  public static AvsbMetrics create() {
    return builder().build();
  }

  /**
   * Adds the meters read from {@code server} (state, update age, flag count, stream connections,
   * event counts) to every registry bound, now and later. Returns this metrics, for {@code
   * bindTo}. Calling it again with the same server does nothing.
   *
   * @throws IllegalStateException when another server is monitored already: use one metrics per
   *     server, told apart by their common tags
   */
  public synchronized AvsbMetrics monitor(AvsbServer server) {
    Objects.requireNonNull(server, "server");
    if (monitored == server) {
      return this;
    }
    if (monitored != null) {
      throw new IllegalStateException("these metrics monitor another server already");
    }
    monitored = server;
    this.server = new ServerMeters(server, clock, common);
    for (MeterRegistry registry : registries) {
      this.server.registerIn(registry);
    }
    return this;
  }

  /** As {@link #monitor(AvsbServer)} for the asynchronous server. */
  public AvsbMetrics monitor(AsyncAvsbServer server) {
    return monitor(Objects.requireNonNull(server, "server").sync());
  }

  /** Registers the meters in {@code registry}; binding the same registry again does nothing. */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    if (registries.contains(registry)) {
      return;
    }
    registries.add(registry);
    evaluations.bindTo(registry);
    if (server != null) {
      server.registerIn(registry);
    }
  }

  /** Counts the evaluation. */
  @Override
  public void afterEvaluation(String flagKey, AvsbContext context,
      EvaluationDetail<AvsbValue> detail, AvsbValue defaultValue) {
    evaluations.count(flagKey, detail);
  }

  /** Configures {@link AvsbMetrics}. Not thread-safe. */
  public static final class Builder {
    private Set<String> allowList;
    private int maxFlags = DEFAULT_MAX_FLAGS;
    private Tags tags = Tags.empty();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Tags only these flags by key; every other flag counts as {@code other}. Replaces {@link
     * #maxFlags}.
     *
     * @throws IllegalArgumentException when a key is null or empty
     */
    public Builder flags(String... flagKeys) {
      Objects.requireNonNull(flagKeys, "flagKeys");
      Set<String> keys = new LinkedHashSet<>();
      for (String k : flagKeys) {
        if (k == null || k.isEmpty()) {
          throw new IllegalArgumentException("flagKeys must not hold a null or empty key");
        }
        keys.add(k);
      }
      allowList = keys;
      return this;
    }

    /**
     * Without an allow-list, tags the first {@code maxFlags} distinct flags evaluated (default
     * {@value AvsbMetrics#DEFAULT_MAX_FLAGS}); 0 counts every flag as {@code other}.
     *
     * @throws IllegalArgumentException when negative
     */
    public Builder maxFlags(int maxFlags) {
      if (maxFlags < 0) {
        throw new IllegalArgumentException("maxFlags must not be negative, was " + maxFlags);
      }
      this.maxFlags = maxFlags;
      return this;
    }

    /** Adds {@code tags} to every meter (such as {@code app=checkout}, to tell servers apart). */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /** Adds key/value pairs as common tags; see {@link #tags(Iterable)}. */
    public Builder tags(String... keyValues) {
      Objects.requireNonNull(keyValues, "keyValues");
      if (keyValues.length % 2 != 0) {
        throw new IllegalArgumentException("keyValues must come in pairs, got "
            + Arrays.toString(keyValues));
      }
      return tags(Tags.of(keyValues));
    }

    /** The clock the update age is measured on (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Builds the metrics. */
    public AvsbMetrics build() {
      return new AvsbMetrics(this);
    }
  }
}
