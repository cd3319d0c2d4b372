package io.avsb.internal.events;

import static io.avsb.internal.events.TestEvents.eval;
import static io.avsb.internal.events.TestEvents.unknownFlag;
import static org.assertj.core.api.Assertions.assertThat;

import io.avsb.AvsbContext;
import io.avsb.AvsbValue;
import io.avsb.EvaluationReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SummaryCountersTest {
  private static final AvsbContext USER = AvsbContext.of("u1");
  private static final AvsbContext ORG = AvsbContext.of("org", "o1");

  private static void count(SummaryCounters s, EvaluationEvent e) {
    s.count(e.creationDate(), e.context(), e.flagKey(), e.flagVersion(), e.variation(), e.value(),
        e.defaultValue());
  }

  private static void addCounts(EventSummary summary, Map<String, Long> into) {
    if (summary == null) {
      return;
    }
    summary.flags().forEach((flag, counts) -> counts.counters().forEach(c ->
        into.merge(flag + "/" + c.version() + "/" + c.variation(), c.count(), Long::sum)));
  }

  @Test
  void countsPerVariationVersionAndValue() {
    SummaryCounters s = new SummaryCounters();
    for (int i = 0; i < 3; i++) {
      count(s, eval(100 + i, USER, "a", 5, 0, AvsbValue.TRUE, AvsbValue.FALSE));
    }
    count(s, eval(50, USER, "a", 5, 1, AvsbValue.FALSE, AvsbValue.FALSE));
    count(s, eval(60, USER, "a", 6, 1, AvsbValue.FALSE, AvsbValue.FALSE));
    EventSummary summary = s.drain();
    assertThat(summary.startDate()).isEqualTo(50);
    assertThat(summary.endDate()).isEqualTo(102);
    EventSummary.FlagCounts a = summary.flags().get("a");
    assertThat(a.defaultValue()).isEqualTo(AvsbValue.FALSE);
    assertThat(a.contextKinds()).containsExactly("user");
    assertThat(a.counters()).containsExactlyInAnyOrder(
        new EventSummary.Counter(0, 5, AvsbValue.TRUE, 3),
        new EventSummary.Counter(1, 5, AvsbValue.FALSE, 1),
        new EventSummary.Counter(1, 6, AvsbValue.FALSE, 1));
  }

  @Test
  void unknownFlagsAreCountedByValue() {
    SummaryCounters s = new SummaryCounters();
    count(s, unknownFlag(USER, "missing", AvsbValue.of("x")));
    count(s, unknownFlag(USER, "missing", AvsbValue.of("x")));
    count(s, unknownFlag(USER, "missing", AvsbValue.of("y")));
    List<EventSummary.Counter> counters = s.drain().flags().get("missing").counters();
    assertThat(counters).allMatch(EventSummary.Counter::unknown);
    assertThat(counters).containsExactlyInAnyOrder(
        new EventSummary.Counter(-1, -1, AvsbValue.of("x"), 2),
        new EventSummary.Counter(-1, -1, AvsbValue.of("y"), 1));
  }

  @Test
  void contextKindsCoverEveryPartOfMultiContexts() {
    SummaryCounters s = new SummaryCounters();
    count(s, eval(ORG, "a", 0));
    count(s, eval(AvsbContext.multi(USER, AvsbContext.of("device", "d1")), "a", 0));
    assertThat(s.drain().flags().get("a").contextKinds())
        .containsExactlyInAnyOrder("org", "device", "user");
  }

  @Test
  void prerequisiteEvaluationsAreCountedUnderTheirOwnKey() {
    SummaryCounters s = new SummaryCounters();
    count(s, new EvaluationEvent(1, USER, "pre", 2, 1, AvsbValue.TRUE, AvsbValue.NULL,
        EvaluationReason.fallthrough(), "main", false, false));
    count(s, eval(1, USER, "main", 4, 0, AvsbValue.of("on"), AvsbValue.of("off")));
    EventSummary summary = s.drain();
    assertThat(summary.flags().keySet()).containsExactly("pre", "main");
    assertThat(summary.flags().get("pre").defaultValue()).isEqualTo(AvsbValue.NULL);
    assertThat(summary.totalCount()).isEqualTo(2);
  }

  @Test
  void drainStartsANewInterval() {
    SummaryCounters s = new SummaryCounters();
    assertThat(s.drain()).isNull();
    count(s, eval(USER, "a", 0));
    assertThat(s.drain()).isNotNull();
    assertThat(s.drain()).isNull();
    count(s, eval(7, USER, "b", 1, 0, AvsbValue.TRUE, AvsbValue.TRUE));
    EventSummary second = s.drain();
    assertThat(second.flags().keySet()).containsExactly("b");
    assertThat(second.startDate()).isEqualTo(7);
  }

  @Test
  void everyEvaluationIsCountedExactlyOnce() {
    Random random = new Random(20261124L);
    for (int round = 0; round < 200; round++) {
      // each pick selects a flag (3), a version (3) and a variation or -1 (3)
      int n = random.nextInt(301);
      SummaryCounters s = new SummaryCounters();
      Map<String, Long> expected = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int p = random.nextInt(27);
        String flag = "f" + p % 3;
        int version = p / 3 % 3;
        int variation = p / 9 - 1;
        count(s, eval(1, USER, flag, version, variation, AvsbValue.of(variation), AvsbValue.NULL));
        expected.merge(flag + "/" + version + "/" + variation, 1L, Long::sum);
      }
      EventSummary summary = s.drain();
      if (n == 0) {
        assertThat(summary).isNull();
        continue;
      }
      Map<String, Long> actual = new HashMap<>();
      summary.flags().forEach((flag, counts) -> counts.counters().forEach(c ->
          actual.merge(flag + "/" + c.version() + "/" + c.variation(), c.count(), Long::sum)));
      assertThat(actual).isEqualTo(expected);
      assertThat(summary.totalCount()).isEqualTo(n);
    }
  }

  @Test
  void kindsAndDefaultBelongToTheirInterval() {
    SummaryCounters s = new SummaryCounters();
    count(s, eval(1, ORG, "a", 1, 0, AvsbValue.TRUE, AvsbValue.of("first")));
    count(s, eval(2, USER, "a", 1, 0, AvsbValue.TRUE, AvsbValue.of("second")));
    EventSummary.FlagCounts one = s.drain().flags().get("a");
    assertThat(one.contextKinds()).containsExactly("org", "user");
    assertThat(one.defaultValue()).isEqualTo(AvsbValue.of("first"));
    count(s, eval(3, USER, "a", 1, 0, AvsbValue.TRUE, AvsbValue.of("third")));
    EventSummary two = s.drain();
    assertThat(two.flags().get("a").contextKinds()).containsExactly("user");
    assertThat(two.flags().get("a").defaultValue()).isEqualTo(AvsbValue.of("third"));
    assertThat(two.startDate()).isEqualTo(3);
    assertThat(two.endDate()).isEqualTo(3);
  }

  @Test
  void idleCountersAreRetiredAndCountingResumesAfterwards() {
    SummaryCounters s = new SummaryCounters();
    count(s, eval(USER, "old", 0));
    count(s, eval(1, USER, "a", 1, 0, AvsbValue.TRUE, AvsbValue.NULL));
    count(s, eval(1, USER, "a", 2, 0, AvsbValue.TRUE, AvsbValue.NULL));
    count(s, unknownFlag(USER, "a", AvsbValue.of("x")));
    s.drain();
    for (int i = 0; i < SummaryCounters.IDLE_DRAINS + 1; i++) {
      count(s, eval(1, USER, "a", 2, 0, AvsbValue.TRUE, AvsbValue.NULL));
      assertThat(s.drain().flags()).containsOnlyKeys("a");
    }
    count(s, eval(USER, "old", 0));
    count(s, eval(1, USER, "a", 1, 0, AvsbValue.TRUE, AvsbValue.NULL));
    Map<String, Long> counts = new HashMap<>();
    addCounts(s.drain(), counts);
    assertThat(counts).isEqualTo(Map.of("old/3/0", 1L, "a/1/0", 1L));
  }

  /**
   * Property: threads count at once while another drains again and again (retiring idle
   * counters as versions move on); the drained totals equal the counts made, to the unit.
   */
  @Test
  void concurrentCountsAndDrainsLoseAndDuplicateNothing() throws Exception {
    int threads = 4;
    int perThread = 100_000;
    SummaryCounters s = new SummaryCounters();
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean counting = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Map<String, Long>>> made = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long seed = 7L * t + 1;
      made.add(pool.submit(() -> {
        Random random = new Random(seed);
        Map<String, Long> mine = new HashMap<>();
        start.await();
        for (int i = 0; i < perThread; i++) {
          String flag = "f" + random.nextInt(5);
          // versions move on, so old version counters go idle and are retired mid-run
          int version = i / 5_000 - random.nextInt(2);
          int variation = random.nextInt(4) - 1;
          AvsbValue value = variation < 0 ? AvsbValue.of("d" + random.nextInt(3))
              : AvsbValue.of(variation);
          s.count(i, USER, flag, version, variation, value, AvsbValue.NULL);
          mine.merge(flag + "/" + version + "/" + variation, 1L, Long::sum);
        }
        return mine;
      }));
    }
    Map<String, Long> drained = new HashMap<>();
    start.countDown();
    Future<?> all = pool.submit(() -> {
      for (Future<Map<String, Long>> f : made) {
        f.get();
      }
      counting.set(false);
      return null;
    });
    int drains = 0;
    while (counting.get()) {
      addCounts(s.drain(), drained);
      drains++;
    }
    all.get(60, TimeUnit.SECONDS);
    addCounts(s.drain(), drained);
    pool.shutdown();
    Map<String, Long> expected = new HashMap<>();
    for (Future<Map<String, Long>> f : made) {
      f.get().forEach((k, v) -> expected.merge(k, v, Long::sum));
    }
    assertThat(drains).isGreaterThan(1);
    assertThat(drained).isEqualTo(expected);
    assertThat(drained.values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo((long) threads * perThread);
  }
}
