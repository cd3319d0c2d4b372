package io.avsb.internal.events;

import io.avsb.AvsbValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluation counts of one flush interval, as {@link SummaryCounters} hands them over.
 * Immutable and thread-safe.
 *
 * @param startDate epoch millis of the earliest counted evaluation
 * @param endDate epoch millis of the latest counted evaluation
 * @param flags the counts per flag key, in the order the flags were first counted
 */
record EventSummary(long startDate, long endDate, Map<String, FlagCounts> flags) {
  /** Copies the map, keeping its order. */
  EventSummary {
    flags = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(flags, "flags")));
  }

  /** The total of every counter, over all flags. */
  long totalCount() {
    long total = 0;
    for (FlagCounts f : flags.values()) {
      for (Counter c : f.counters()) {
        total += c.count();
      }
    }
    return total;
  }

  /**
   * The counts of one flag.
   *
   * @param defaultValue the caller's default in the first counted evaluation
   * @param contextKinds the kinds of the contexts evaluated for
   * @param counters one counter per distinct variation, version and value
   */
  record FlagCounts(AvsbValue defaultValue, List<String> contextKinds, List<Counter> counters) {
    /** Copies the lists. */
    FlagCounts {
      Objects.requireNonNull(defaultValue, "defaultValue");
      contextKinds = List.copyOf(contextKinds);
      counters = List.copyOf(counters);
    }
  }

  /**
   * How often one result was given.
   *
   * @param variation the variation index, or -1 when none (the default was used)
   * @param version the flag's version, or -1 when the flag was not found
   * @param value the value returned
   * @param count how many evaluations gave it
   */
  record Counter(int variation, int version, AvsbValue value, long count) {
    /** Checks the value. */
    Counter {
      Objects.requireNonNull(value, "value");
    }

    /** True when the flag was not found. */
    boolean unknown() {
      return version < 0;
    }
  }
}
