package io.avsb.internal.events;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts evaluations per flag, version, variation and value for the {@code summary} event, on the
 * callers' threads. Thread-safe: {@link #count} may be called from any thread at once, {@link
 * #drain} from one thread at a time (the event thread).
 *
 * <p>Counting takes no lock and, once a flag version's counter exists, allocates nothing: a map
 * read for the flag, an array index for the variation, and a {@link LongAdder} increment (striped
 * per thread under contention). The counters outlive flushes; {@link #drain} takes each one's
 * count with {@link LongAdder#sumThenReset()}, which moves every increment into exactly one
 * summary. Counters idle for {@link #IDLE_DRAINS} drains are retired so memory follows the flags
 * in use: a caller that counted into a retired counter takes that count back itself and hands it
 * over as a late count, so no evaluation is lost or counted twice.
 *
 * <p>The context kinds, the caller's default and the dates are kept per interval as before; only
 * at a flush boundary can a kind or date land in the neighbouring interval of its count.
 */
final class SummaryCounters {
  /** Drains without a count after which a counter (other than a flag's newest version) goes. */
  static final int IDLE_DRAINS = 2;

  private static final String[] NO_KINDS = new String[0];

  private final ConcurrentHashMap<String, FlagCounts> flags = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<LateCount> late = new ConcurrentLinkedQueue<>();
  private final AtomicLong startDate = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong endDate = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong flagOrder = new AtomicLong();
  private long lastEndDate; // owned by the draining thread

  /**
   * Counts one evaluation.
   *
   * @param date epoch millis of the evaluation
   * @param version the flag's version, or -1 when the flag was not found
   * @param variation the variation index, or -1 when the default was used
   * @param value the value returned (not null)
   * @param defaultValue the caller's default (not null)
   */
  void count(long date, AvsbContext context, String flagKey, int version, int variation,
      AvsbValue value, AvsbValue defaultValue) {
    FlagCounts flag = flags.get(flagKey);
    if (flag == null) {
      flag = flags.computeIfAbsent(flagKey, this::newFlag);
    }
    // kinds, default and dates before the count: a drain takes the count first, then these
    flag.noteKinds(context);
    flag.noteDefault(defaultValue);
    noteDate(date);
    Slot slot = flag.slot(version, variation, value);
    slot.count.increment();
    if (flag.retired || slot.table.retired || slot.retired) {
      takeBack(flag, slot);
    }
  }

  private FlagCounts newFlag(String key) {
    return new FlagCounts(key, flagOrder.incrementAndGet());
  }

  private void noteDate(long date) {
    long start = startDate.get();
    while (date < start && !startDate.compareAndSet(start, date)) {
      start = startDate.get();
    }
    long end = endDate.get();
    while (date > end && !endDate.compareAndSet(end, date)) {
      end = endDate.get();
    }
  }

  /** A retired counter is no longer drained: whoever counted into it hands its count over. */
  private void takeBack(FlagCounts flag, Slot slot) {
    long n = slot.count.sumThenReset();
    if (n != 0) {
      late.add(new LateCount(flag, slot.table.version, slot.variation, slot.value, n));
    }
  }

  /** Hands over the counts since the last drain and starts a new interval; null when none. */
  EventSummary drain() {
    List<FlagCounts> order = new ArrayList<>(flags.values());
    order.sort(Comparator.comparingLong(f -> f.order));
    Map<FlagCounts, List<EventSummary.Counter>> counted = new LinkedHashMap<>();
    for (FlagCounts f : order) {
      List<EventSummary.Counter> counters = new ArrayList<>();
      f.drainInto(counters);
      if (!counters.isEmpty()) {
        counted.put(f, counters);
      } else if (++f.idleDrains >= IDLE_DRAINS && flags.remove(f.key, f)) {
        f.retired = true;
        f.drainAllInto(counters); // what was counted between the sum and the retirement
        if (!counters.isEmpty()) {
          counted.put(f, counters);
        }
      }
    }
    for (LateCount c; (c = late.poll()) != null; ) {
      counted.computeIfAbsent(c.flag(), k -> new ArrayList<>())
          .add(new EventSummary.Counter(c.variation(), c.version(), c.value(), c.count()));
    }
    if (counted.isEmpty()) {
      return null;
    }
    Map<String, EventSummary.FlagCounts> out = new LinkedHashMap<>();
    counted.entrySet().stream()
        .sorted(Comparator.comparingLong(e -> e.getKey().order))
        .forEach(e -> out.merge(e.getKey().key, e.getKey().takeInterval(e.getValue()),
            SummaryCounters::merge));
    long start = startDate.getAndSet(Long.MAX_VALUE);
    long end = endDate.getAndSet(Long.MIN_VALUE);
    // a count whose date went to the interval before (flush boundary) leaves these unset
    if (end == Long.MIN_VALUE) {
      end = start == Long.MAX_VALUE ? lastEndDate : start;
    }
    if (start == Long.MAX_VALUE) {
      start = end;
    }
    lastEndDate = end;
    return new EventSummary(start, end, out);
  }

  /** A flag retired and counted again under the same key in one interval: one entry. */
  private static EventSummary.FlagCounts merge(EventSummary.FlagCounts a, EventSummary.FlagCounts b) {
    List<String> kinds = new ArrayList<>(a.contextKinds());
    for (String k : b.contextKinds()) {
      if (!kinds.contains(k)) {
        kinds.add(k);
      }
    }
    List<EventSummary.Counter> counters = new ArrayList<>(a.counters());
    counters.addAll(b.counters());
    return new EventSummary.FlagCounts(a.defaultValue(), kinds, counters);
  }

  /** A count taken back from a retired counter by the thread that made it. */
  private record LateCount(FlagCounts flag, int version, int variation, AvsbValue value, long count) {}

  /** The counters of one flag key, one table per version, newest first. */
  private static final class FlagCounts {
    final String key;
    final long order;
    volatile boolean retired;
    private volatile VersionTable[] tables = new VersionTable[0];
    private final AtomicReference<String[]> kinds = new AtomicReference<>(NO_KINDS);
    private final AtomicReference<AvsbValue> intervalDefault = new AtomicReference<>();
    private volatile AvsbValue lastDefault = AvsbValue.NULL;
    private String[] lastKinds = NO_KINDS; // owned by the draining thread
    int idleDrains; // owned by the draining thread

    FlagCounts(String key, long order) {
      this.key = key;
      this.order = order;
    }

    void noteKinds(AvsbContext context) {
      int n = context.individualContextCount();
      for (int i = 0; i < n; i++) {
        String kind = context.individualContext(i).kind();
        if (kind != null && !contains(kinds.get(), kind)) {
          addKind(kind);
        }
      }
    }

    private static boolean contains(String[] kinds, String kind) {
      for (String k : kinds) {
        if (k == kind || k.equals(kind)) {
          return true;
        }
      }
      return false;
    }

    private void addKind(String kind) {
      while (true) {
        String[] seen = kinds.get();
        if (contains(seen, kind)) {
          return;
        }
        String[] more = Arrays.copyOf(seen, seen.length + 1);
        more[seen.length] = kind;
        if (kinds.compareAndSet(seen, more)) {
          return;
        }
      }
    }

    void noteDefault(AvsbValue defaultValue) {
      if (intervalDefault.get() == null && intervalDefault.compareAndSet(null, defaultValue)) {
        lastDefault = defaultValue;
      }
    }

    Slot slot(int version, int variation, AvsbValue value) {
      VersionTable table = table(version);
      if (variation >= 0) {
        Slot[] slots = table.byVariation;
        if (variation < slots.length) {
          Slot s = slots[variation];
          if (s != null && (s.value == value || s.value.equals(value))) {
            return s;
          }
        }
      }
      return table.otherSlot(variation, value);
    }

    private VersionTable table(int version) {
      for (VersionTable t : tables) {
        if (t.version == version) {
          return t;
        }
      }
      synchronized (this) {
        VersionTable[] now = tables;
        for (VersionTable t : now) {
          if (t.version == version) {
            return t;
          }
        }
        VersionTable t = new VersionTable(version);
        VersionTable[] more = new VersionTable[now.length + 1];
        more[0] = t;
        System.arraycopy(now, 0, more, 1, now.length);
        tables = more;
        return t;
      }
    }

    /** Adds this interval's counts; retires the versions idle too long (not the newest). */
    void drainInto(List<EventSummary.Counter> out) {
      VersionTable[] now = tables;
      for (int i = 0; i < now.length; i++) {
        VersionTable t = now[i];
        int before = out.size();
        t.drainInto(out, false);
        if (out.size() > before) {
          t.idleDrains = 0;
        } else if (i > 0 && ++t.idleDrains >= IDLE_DRAINS) {
          retire(t);
          t.drainInto(out, true);
        }
      }
      if (out.isEmpty()) {
        return;
      }
      idleDrains = 0;
    }

    /** After retirement: whatever is left in every counter. */
    void drainAllInto(List<EventSummary.Counter> out) {
      for (VersionTable t : tables) {
        t.retired = true;
        t.drainInto(out, true);
      }
    }

    private void retire(VersionTable t) {
      synchronized (this) {
        VersionTable[] now = tables;
        VersionTable[] fewer = new VersionTable[now.length - 1];
        int j = 0;
        for (VersionTable x : now) {
          if (x != t) {
            fewer[j++] = x;
          }
        }
        tables = fewer;
      }
      t.retired = true;
    }

    /** The interval's kinds and default with its counters; resets them (after the counts). */
    EventSummary.FlagCounts takeInterval(List<EventSummary.Counter> counters) {
      String[] k = kinds.getAndSet(NO_KINDS);
      if (k.length == 0) {
        k = lastKinds;
      }
      lastKinds = k;
      AvsbValue d = intervalDefault.getAndSet(null);
      return new EventSummary.FlagCounts(d == null ? lastDefault : d, Arrays.asList(k), counters);
    }
  }

  /** The counters of one flag version: by variation index, and by value for the rest. */
  private static final class VersionTable {
    final int version;
    volatile boolean retired;
    volatile Slot[] byVariation = new Slot[0];
    /** Variation -1 (the caller's default, per value) and values other than the variation's. */
    final ConcurrentHashMap<OtherKey, Slot> others = new ConcurrentHashMap<>();
    int idleDrains; // owned by the draining thread

    VersionTable(int version) {
      this.version = version;
    }

    Slot otherSlot(int variation, AvsbValue value) {
      if (variation >= 0) {
        synchronized (this) {
          Slot[] now = byVariation;
          Slot s = variation < now.length ? now[variation] : null;
          if (s == null) {
            Slot[] more = Arrays.copyOf(now, Math.max(now.length, variation + 1));
            s = new Slot(this, variation, value);
            more[variation] = s;
            byVariation = more;
            return s;
          }
          if (s.value.equals(value)) {
            return s;
          }
        }
      }
      // rare: a default used (error, off without variation) or an unexpected value
      return others.computeIfAbsent(new OtherKey(variation, value),
          k -> new Slot(this, k.variation(), k.value()));
    }

    void drainInto(List<EventSummary.Counter> out, boolean all) {
      for (Slot s : byVariation) {
        if (s != null) {
          add(out, s);
        }
      }
      for (Slot s : others.values()) {
        boolean counted = add(out, s);
        if (!all && !counted && ++s.idleDrains >= IDLE_DRAINS && others.remove(s.key(), s)) {
          s.retired = true;
          add(out, s);
        } else if (counted) {
          s.idleDrains = 0;
        }
      }
    }

    private boolean add(List<EventSummary.Counter> out, Slot s) {
      long n = s.count.sumThenReset();
      if (n == 0) {
        return false;
      }
      out.add(new EventSummary.Counter(s.variation, version, s.value, n));
      return true;
    }
  }

  private record OtherKey(int variation, AvsbValue value) {}

  /** One counter. */
  private static final class Slot {
    final VersionTable table;
    final int variation;
    final AvsbValue value;
    final LongAdder count = new LongAdder();
    volatile boolean retired;
    int idleDrains; // owned by the draining thread

    Slot(VersionTable table, int variation, AvsbValue value) {
      this.table = table;
      this.variation = variation;
      this.value = value;
    }

    OtherKey key() {
      return new OtherKey(variation, value);
    }
  }
}
