package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts evaluations per flag, variation, version and value between flushes, for the {@code
 * summary} event. Every evaluation is counted, prerequisites included. Not thread-safe: only the
 * event processor's own thread uses it.
 */
final class EventSummarizer {
  private final Map<String, FlagState> flags = new LinkedHashMap<>();
  private long startDate = Long.MAX_VALUE;
  private long endDate = Long.MIN_VALUE;

  /** Counts one evaluation. */
  void count(EvaluationEvent event) {
    FlagState flag = flags.get(event.flagKey());
    if (flag == null) {
      flag = new FlagState(event.defaultValue());
      flags.put(event.flagKey(), flag);
    }
    AvsbContext context = event.context();
    for (int i = 0; i < context.individualContextCount(); i++) {
      flag.contextKinds.add(context.individualContext(i).kind());
    }
    CounterKey key = new CounterKey(event.variation(), Math.max(-1, event.flagVersion()), event.value());
    long[] count = flag.counters.get(key);
    if (count == null) {
      flag.counters.put(key, new long[] {1});
    } else {
      count[0]++;
    }
    startDate = Math.min(startDate, event.creationDate());
    endDate = Math.max(endDate, event.creationDate());
  }

  /** True when nothing was counted since the last {@link #drain()}. */
  boolean isEmpty() {
    return flags.isEmpty();
  }

  /** Hands over the counts so far and starts a new interval; null when nothing was counted. */
  EventSummary drain() {
    if (flags.isEmpty()) {
      return null;
    }
    Map<String, EventSummary.FlagCounts> out = new LinkedHashMap<>();
    for (Map.Entry<String, FlagState> e : flags.entrySet()) {
      FlagState f = e.getValue();
      List<EventSummary.Counter> counters = new ArrayList<>(f.counters.size());
      for (Map.Entry<CounterKey, long[]> c : f.counters.entrySet()) {
        CounterKey k = c.getKey();
        counters.add(new EventSummary.Counter(k.variation(), k.version(), k.value(), c.getValue()[0]));
      }
      out.put(e.getKey(), new EventSummary.FlagCounts(f.defaultValue, List.copyOf(f.contextKinds), counters));
    }
    EventSummary summary = new EventSummary(startDate, endDate, out);
    flags.clear();
    startDate = Long.MAX_VALUE;
    endDate = Long.MIN_VALUE;
    return summary;
  }

  private record CounterKey(int variation, int version, AvsbValue value) {}

  private static final class FlagState {
    final AvsbValue defaultValue;
    final Set<String> contextKinds = new LinkedHashSet<>();
    final Map<CounterKey, long[]> counters = new LinkedHashMap<>();

    FlagState(AvsbValue defaultValue) {
      this.defaultValue = defaultValue;
    }
  }
}
